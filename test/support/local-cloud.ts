// The real Keystone + Glance started by `scripts/local-cloud.sh up` (or the
// second release's `scripts/local-cloud-trixie.sh up`). Tests that need it FAIL
// (never skip) with a message saying how to start it. This file is the one
// place that says which cloud the suite runs against: its clouds.yaml
// (LOCAL_CLOUD_CLOUDS_YAML), data dir (beside it), URLs, the script that runs
// it (LOCAL_CLOUD_SCRIPT) and the command that starts its glance-api.

import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { load } from 'js-yaml'
import { resolveCloudConfig } from '../../src/openstack/config/resolve.js'
import type { CloudConfig } from '../../src/openstack/config/types.js'
import { getErrorMessage } from '../../src/problems.js'
import { type GlanceClient, type GlanceClientOptions } from '../../src/openstack/glance/client.js'
import { createGlanceClient } from '../../src/openstack/glance/connect.js'

export const DEFAULT_CLOUDS_YAML = '/var/tmp/image-manager-cloud/clouds.yaml'
export type LocalCloudName = 'local-admin' | 'local-member'

/** Path of the local cloud's clouds.yaml: $LOCAL_CLOUD_CLOUDS_YAML or the default. */
export function localCloudsYamlPath(): string {
  return process.env.LOCAL_CLOUD_CLOUDS_YAML || DEFAULT_CLOUDS_YAML
}

/** The cloud's data dir: the one its script writes clouds.yaml into. */
export function localCloudDir(): string {
  return path.dirname(localCloudsYamlPath())
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The script that runs the cloud: $LOCAL_CLOUD_SCRIPT (relative to the repository) or scripts/local-cloud.sh. */
export function localCloudScript(): string {
  return path.resolve(ROOT, process.env.LOCAL_CLOUD_SCRIPT || 'scripts/local-cloud.sh')
}

/** Keystone's URL (without /v3, from clouds.yaml) and Glance's (from the cloud's glance-api.conf, not the catalog). */
export async function localCloudUrls(): Promise<{ keystone: string; glance: string }> {
  const clouds = load((await localCloudsYaml()).content) as {
    clouds: Record<string, { auth: { auth_url: string } }>
  }
  const keystone = clouds.clouds['local-admin']?.auth.auth_url.replace(/\/v3\/?$/, '')
  const conf = await readFile(path.join(localCloudDir(), 'glance', 'glance-api.conf'), 'utf8')
  const glance = /^public_endpoint\s*=\s*(\S+)/m.exec(conf)?.[1]
  if (keystone === undefined || glance === undefined)
    throw new Error(
      `The local cloud in ${localCloudDir()} has no local-admin or no public_endpoint`,
    )
  return { keystone, glance }
}

/** What to do when the cloud is missing or silent. */
const how = (): string =>
  `start it with \`bash ${path.relative(ROOT, localCloudScript())} up\` (or point LOCAL_CLOUD_CLOUDS_YAML at its clouds.yaml)`

const port = (url: string): string => new URL(url).port

/**
 * Runs a command of the cloud's script (`up`, `crash-glance`) on this cloud: its
 * data dir and ports, whichever cloud the suite points at.
 */
export async function runLocalCloud(command: 'up' | 'crash-glance'): Promise<void> {
  const { keystone, glance } = await localCloudUrls()
  await promisify(execFile)('bash', [localCloudScript(), command], {
    timeout: 180_000,
    env: {
      ...process.env,
      LOCAL_CLOUD_DIR: localCloudDir(),
      LOCAL_CLOUD_KEYSTONE_PORT: port(keystone),
      LOCAL_CLOUD_GLANCE_PORT: port(glance),
    },
  })
}

/** How to start PROGRAM where the cloud's packages are (`run` of its script: a chroot for the second release). */
export function localCloudProgram(program: string, args: string[]): [string, string[]] {
  return ['bash', [localCloudScript(), 'run', program, ...args]]
}

export async function localCloudsYaml(): Promise<{ path: string; content: string }> {
  const path = localCloudsYamlPath()
  try {
    return { path, content: await readFile(path, 'utf8') }
  } catch {
    throw new Error(`The local cloud is missing: ${path} does not exist; ${how()}`)
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
    throw new Error(`The local cloud does not answer (${getErrorMessage(error)}); ${how()}`, {
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
