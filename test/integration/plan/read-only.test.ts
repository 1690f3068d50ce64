// Plan needs only read access (README, "Least privilege"): whatever it
// proposes (an import, a property repair, with delete on),
// the real plan command sends Glance nothing but GET and HEAD, and Keystone
// nothing but its token request. Both are reached through recording proxies in
// front of the real local services; the cloud is set up for real first.
import { readFile } from 'node:fs/promises'
import { dump, load } from 'js-yaml'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { planCommand } from '../../../src/commands/plan.js'
import { catalogDefinition } from '../../support/definitions.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import {
  applyOptions,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

const tag = uniqueTag('readonly')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let glanceProxy: FaultProxy
let keystoneProxy: FaultProxy

/** The local clouds.yaml with Keystone and Glance both reached through the proxies. */
function cloudsYamlViaProxies(): string {
  const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
    clouds: Record<string, { auth: { auth_url: string }; image_endpoint_override?: string }>
  }
  for (const cloud of Object.values(clouds.clouds)) {
    const url = new URL(cloud.auth.auth_url)
    cloud.auth.auth_url = `${keystoneProxy.url}${url.pathname}`
    cloud.image_endpoint_override = glanceProxy.url
  }
  return dump(clouds)
}

const meta = (architecture: string): Record<string, unknown> => ({
  architecture,
  hw_disk_bus: 'scsi',
  hw_rng_model: 'virtio',
  os_distro: 'debian',
})

const definitions = (meta: Record<string, unknown>, versions: string[], name = 'RO Debian') => [
  catalogDefinition(name, {
    login: 'debian',
    multi: false,
    meta,
    versions: versions.map((v) => ({ version: v, url: server.urlOf(`${v}.qcow2`) })),
  }),
]

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  for (const v of ['1', '2', '3']) await server.addFile(`${v}.qcow2`, bytes)
  // The cloud as a first apply leaves it (directly, not through the proxies).
  const first = await work.catalog('first.yml', definitions(meta('x86_64'), ['1', '2']))
  const reporter = recorder()
  expect(await applyCommand(applyOptions(tag, first), reporter), reporter.lines.join('\n')).toBe(0)
  const ksUrl = new URL(
    (
      load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
        clouds: Record<string, { auth: { auth_url: string } }>
      }
    ).clouds['local-admin']?.auth.auth_url as string,
  )
  keystoneProxy = await startFaultProxy(ksUrl.origin)
  glanceProxy = await startFaultProxy(raw.url)
}, 300_000)

afterAll(async () => {
  await glanceProxy?.close()
  await keystoneProxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('plan with every kind of change to propose', () => {
  it('sends Glance only GET and HEAD, and Keystone only its token request', async () => {
    // Changed meta (a PATCH to propose), a new version (an import), a version
    // gone, with delete on.
    const second = await work.catalog('second.yml', definitions(meta('aarch64'), ['2', '3']))
    const reporter = recorder()
    const options = applyOptions(tag, second, {
      cloudsYaml: cloudsYamlViaProxies(),
      delete: true,
      confirmDelete: true,
      detailedExitCode: true,
      out: `${work.dir}/plan.json`,
    })
    const code = await planCommand(options, reporter)
    expect(code, reporter.lines.join('\n')).toBe(3)
    const plan = JSON.parse(await readFile(options.out as string, 'utf8')) as {
      summary: Record<string, number>
    }
    // An import and a property repair were proposed (retention is asked for
    // too; what it retires depends on the definition's uuid_validity).
    expect(plan.summary).toMatchObject({ import: 1, update: 1 })
    expect(glanceProxy.requests.length).toBeGreaterThan(0)
    const glanceWrites = glanceProxy.requests.filter((r) => !['GET', 'HEAD'].includes(r.method))
    expect(glanceWrites).toEqual([])
    const keystone = keystoneProxy.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)
    expect(keystone).toContain('POST /v3/auth/tokens')
    expect(keystone.filter((r) => r !== 'POST /v3/auth/tokens' && !r.startsWith('GET '))).toEqual(
      [],
    )
    // And the cloud is as the first apply left it.
    const images = await raw.listByTag(tag)
    expect(images.map((i) => i.name).sort()).toEqual(['RO Debian 1', 'RO Debian 2'])
    expect(images.map((i) => i.architecture)).toEqual(['x86_64', 'x86_64'])
  })
})
