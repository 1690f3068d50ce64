// The integration suites' helper must fail loudly (not skip) without a cloud.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  localCloudConfig,
  localCloudProgram,
  localCloudUrls,
  runLocalCloud,
  uniquePrefix,
} from '../../support/local-cloud.js'

const saved = {
  LOCAL_CLOUD_CLOUDS_YAML: process.env.LOCAL_CLOUD_CLOUDS_YAML,
  LOCAL_CLOUD_SCRIPT: process.env.LOCAL_CLOUD_SCRIPT,
}
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

/** A data dir as a cloud script leaves it (clouds.yaml, glance-api.conf) on other ports. */
async function fakeCloud(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fake-cloud-'))
  await mkdir(path.join(dir, 'glance'))
  await writeFile(
    path.join(dir, 'clouds.yaml'),
    'clouds:\n  local-admin:\n    auth:\n      auth_url: http://127.0.0.1:25000/v3\n',
  )
  await writeFile(
    path.join(dir, 'glance', 'glance-api.conf'),
    '[DEFAULT]\nbind_port = 29292\npublic_endpoint = http://127.0.0.1:29292\n',
  )
  // The cloud's script: records what it was asked to do, and where.
  await writeFile(
    path.join(dir, 'script.sh'),
    'echo "$1 $LOCAL_CLOUD_DIR $LOCAL_CLOUD_KEYSTONE_PORT $LOCAL_CLOUD_GLANCE_PORT" >"$(dirname "$0")/called"\n',
  )
  process.env.LOCAL_CLOUD_CLOUDS_YAML = path.join(dir, 'clouds.yaml')
  process.env.LOCAL_CLOUD_SCRIPT = path.join(dir, 'script.sh')
  return dir
}

describe('test/support/local-cloud', () => {
  it('fails with how to start the cloud when its clouds.yaml is missing', async () => {
    process.env.LOCAL_CLOUD_CLOUDS_YAML = '/nonexistent/clouds.yaml'
    await expect(localCloudConfig('local-admin')).rejects.toThrow(
      'The local cloud is missing: /nonexistent/clouds.yaml does not exist; start it with `bash scripts/local-cloud.sh up` (or point LOCAL_CLOUD_CLOUDS_YAML at its clouds.yaml)',
    )
  })

  it('names the script of the cloud the suite points at when it is missing', async () => {
    process.env.LOCAL_CLOUD_CLOUDS_YAML = '/nonexistent/clouds.yaml'
    process.env.LOCAL_CLOUD_SCRIPT = 'scripts/local-cloud-trixie.sh'
    await expect(localCloudConfig('local-admin')).rejects.toThrow(
      'start it with `bash scripts/local-cloud-trixie.sh up`',
    )
  })

  it("takes the URLs from the cloud's own files, not from fixed ports", async () => {
    const dir = await fakeCloud()
    try {
      expect(await localCloudUrls()).toEqual({
        keystone: 'http://127.0.0.1:25000',
        glance: 'http://127.0.0.1:29292',
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("runs the crash/restart hooks on the cloud the suite points at, never the default's", async () => {
    const dir = await fakeCloud()
    try {
      await runLocalCloud('crash-glance')
      expect(await readFile(path.join(dir, 'called'), 'utf8')).toBe(
        `crash-glance ${dir} 25000 29292\n`,
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("starts programs through the cloud's script (a chroot for the second release)", () => {
    process.env.LOCAL_CLOUD_SCRIPT = 'scripts/local-cloud-trixie.sh'
    const [command, args] = localCloudProgram('/usr/bin/glance-api', ['--config-file', 'x'])
    expect([command, ...args]).toEqual([
      'bash',
      path.resolve(import.meta.dirname, '../../../scripts/local-cloud-trixie.sh'),
      'run',
      '/usr/bin/glance-api',
      '--config-file',
      'x',
    ])
  })

  it('makes unique prefixes', () => {
    expect(uniquePrefix('x')).toMatch(/^it-x-[0-9a-z]+-[0-9a-f]{6}-$/)
    expect(uniquePrefix('x')).not.toBe(uniquePrefix('x'))
  })
})
