// The real Keystone + Glance started by `scripts/local-cloud.sh up`. Tests
// that need it FAIL (never skip) with a message saying how to start it.

import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolveCloudConfig } from '../../src/openstack/config/resolve.js'
import type { CloudConfig } from '../../src/openstack/config/types.js'
import { getErrorMessage } from '../../src/problems.js'
import { type GlanceClient, type GlanceClientOptions } from '../../src/openstack/glance/client.js'
import { createGlanceClient } from '../../src/openstack/glance/connect.js'

export const DEFAULT_CLOUDS_YAML = '/var/tmp/image-manager-cloud/clouds.yaml'
export type LocalCloudName = 'local-admin' | 'local-member'

const HOW =
  'start it with `bash scripts/local-cloud.sh up` (or point LOCAL_CLOUD_CLOUDS_YAML at its clouds.yaml)'

/** Path of the local cloud's clouds.yaml: $LOCAL_CLOUD_CLOUDS_YAML or the default. */
export function localCloudsYamlPath(): string {
  return process.env.LOCAL_CLOUD_CLOUDS_YAML || DEFAULT_CLOUDS_YAML
}

export async function localCloudsYaml(): Promise<{ path: string; content: string }> {
  const path = localCloudsYamlPath()
  try {
    return { path, content: await readFile(path, 'utf8') }
  } catch {
    throw new Error(`The local cloud is missing: ${path} does not exist; ${HOW}`)
  }
}

/** The configuration of one of the local cloud's clouds (no OS_* variables involved). */
export async function localCloudConfig(
  cloud: LocalCloudName = 'local-admin',
): Promise<CloudConfig> {
  return resolveCloudConfig({ clouds: await localCloudsYaml(), env: {}, cloud })
}

/** A Glance client on the local cloud; a clear failure when the cloud does not answer. */
export async function localGlance(
  cloud: LocalCloudName = 'local-admin',
  options: GlanceClientOptions = {},
): Promise<GlanceClient> {
  const config = await localCloudConfig(cloud)
  try {
    return await createGlanceClient(config, options)
  } catch (error) {
    throw new Error(`The local cloud does not answer (${getErrorMessage(error)}); ${HOW}`, {
      cause: error,
    })
  }
}

/** A name prefix unique to one test run, so images of parallel or crashed runs never mix. */
export function uniquePrefix(label: string): string {
  return `it-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}-`
}

/** Delete images by id, ignoring those already gone; deactivated/protected ones are handled. */
export async function deleteImages(glance: GlanceClient, ids: Iterable<string>): Promise<void> {
  for (const id of ids) {
    const image = await glance.findImage(id)
    if (image === null) continue
    if (image.protected)
      await glance.patchImage(id, [{ op: 'replace', path: '/protected', value: false }])
    await glance.deleteImage(id)
  }
}

/** Delete every image (hidden or not) whose name starts with `prefix`. */
export async function deleteImagesByPrefix(glance: GlanceClient, prefix: string): Promise<void> {
  const ids: string[] = []
  for await (const image of glance.listImages({ osHidden: 'both', visibility: 'all' })) {
    if (image.name?.startsWith(prefix)) ids.push(image.id)
  }
  await deleteImages(glance, ids)
}
