// Acceptance 4: a 404 url, a checksum mismatch, an import stuck in queued and
// a 500 on create each end with that image failed, no half-made image, no
// retention, the other images done and exit code 1 (docs/behaviour.md §4 and §6).
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dump, load } from 'js-yaml'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { createSession, type Session } from '../../../src/openstack/auth/session.js'
import { localCloudConfig, localCloudsYamlPath } from '../../support/local-cloud.js'
import { startOwnGlance, type OwnGlance } from '../../support/own-glance.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  briefs,
  cloudsYamlVia,
  outcomeLines,
  planAndExecute,
  rawGlance,
  recorder,
  sha256Of,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('failures')
const stuckId = randomUUID()
const stuckId2 = randomUUID()
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
let goodSha = ''

const base = (name: string, versions: unknown[], extra: Record<string, unknown> = {}) =>
  catalogDefinition(name, { meta: catalogMeta({ uuid_validity: 'last-1' }), versions, ...extra })

/** In this order: with concurrency 1 the first create of the run is Fail Create500's. */
function failingCatalog(): unknown[] {
  return [
    base('Fail Create500', [{ version: '1', url: server.urlOf('good.qcow2') }]),
    base('Fail NotFound', [{ version: '1', url: server.urlOf('missing.qcow2') }]),
    base('Fail Checksum', [
      // file: streams through glance-direct; the digest is checked on the way.
      { version: '1', url: 'file:images/local.qcow2', checksum: `sha256:${'0'.repeat(64)}` },
    ]),
    base('Fail Stuck', [{ version: '1', url: server.urlOf('good.qcow2'), id: stuckId }]),
    base(
      'Fail Good',
      [
        { version: '1', url: server.urlOf('good-1.qcow2') },
        { version: '2', url: 'file:images/local.qcow2', checksum: goodSha },
      ],
      { multi: true, meta: { architecture: 'x86_64', hw_disk_bus: 'scsi' } },
    ),
    // r1 is no longer listed: with last-1 and --hide it would become community.
    base('Fail Retention', [{ version: 'r2', url: server.urlOf('good.qcow2') }]),
  ]
}

const REJECTED = [
  'Reject Raw Web 1',
  'Reject Raw File 1',
  'Reject Quota Web 1',
  'Reject Quota File 1',
]
const FAILING = ['Fail Create500 1', 'Fail NotFound 1', 'Fail Checksum 1', 'Fail Stuck 1']

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  proxy = await startFaultProxy(raw.url)
  const bytes = await readFile(await makeQcow2(server.dir, 'good.qcow2', '16M'))
  await server.addFile('good-1.qcow2', bytes)
  await mkdir(path.join(work.dir, 'images'))
  await writeFile(path.join(work.dir, 'images', 'local.qcow2'), bytes)
  goodSha = await sha256Of(path.join(work.dir, 'images', 'local.qcow2'))
  // Two builds of Fail Retention exist before the failing run.
  // last-2 here: with last-1 the older listed build would be outside the window, never imported.
  const setup = await work.catalog('setup.yml', [
    base(
      'Fail Retention',
      [
        { version: 'r1', url: server.urlOf('good.qcow2') },
        { version: 'r2', url: server.urlOf('good.qcow2') },
      ],
      { meta: catalogMeta({ uuid_validity: 'last-2' }) },
    ),
  ])
  const reporter = recorder()
  expect(await applyCommand(applyOptions(tag, setup), reporter), reporter.lines.join('\n')).toBe(0)
})

beforeEach(() => {
  proxy.clear()
  proxy.requests.length = 0
})

afterAll(async () => {
  await proxy?.close()
  await raw?.purge(tag)
  for (const image of await raw.listByNames([...FAILING, 'Fail Queued 2', ...REJECTED])) {
    await raw.call('DELETE', `/v2/images/${image.id}`).catch(() => undefined)
  }
  await server?.close()
  await work?.close()
})

describe('apply: failed imports', () => {
  it('each failure fails only its image, leaves no half-made image and stops retention; exit code 1', async () => {
    const file = await work.catalog('failing.yml', failingCatalog())
    // Glance answers 500 to the first create; the stuck image's imports are accepted and dropped.
    proxy.inject({ method: 'POST', path: /^\/v2\/images$/, fault: { status: 500 }, times: 1 })
    proxy.inject({
      method: 'POST',
      path: new RegExp(`^/v2/images/${stuckId}/import$`),
      fault: { status: 202, body: '' },
      times: 10,
    })
    const reporter = recorder()
    const started = Date.now()
    const code = await applyCommand(
      applyOptions(tag, file, {
        hide: true,
        concurrency: 1,
        importTimeoutSeconds: 6,
        cloudsYaml: cloudsYamlVia(proxy.url),
      }),
      reporter,
    )
    const took = Date.now() - started
    expect(code, reporter.lines.join('\n')).toBe(1)

    const report = reporter.lines.find((l) => l.startsWith('Applied:')) as string
    const lines = report.split('\n')
    // Done: Fail Good's two imports and rename, Fail Retention r2's uuid_validity (last-2 → last-1).
    expect(lines[0]).toBe('Applied: 4 done, 4 failed, 1 skipped.')
    expect(lines.slice(1, 6)).toEqual([
      expect.stringMatching(/^ {2}✗ Fail Create500: import Fail Create500 1: .*500/),
      expect.stringMatching(
        /^ {2}✗ Fail NotFound: import Fail NotFound 1: source http:\S+missing\.qcow2 is not available: .*404/,
      ),
      expect.stringMatching(/^ {2}✗ Fail Checksum: import Fail Checksum 1: .*[Cc]hecksum mismatch/),
      `  ✗ Fail Stuck: import Fail Stuck 1: the image is still 'queued' after the import timeout (the empty image keeps its fixed id ${stuckId}; the next run fills it)`,
      '  - Fail Retention: hide Fail Retention r1: no retention after a failure in this run',
    ])
    // The import timeout (6 s) came before the queued grace time (20 s): the import has
    // failed, and no second method is tried without time left.
    expect(reporter.warnings.filter((w) => w.includes('trying glance-direct'))).toEqual([])
    expect(proxy.count('POST', new RegExp(`^/v2/images/${stuckId}/import$`))).toBe(1)
    // Creates: Create500 (answered 500, not repeated), Checksum, Stuck, Good twice; the
    // 404 url was checked first and created nothing.
    expect(proxy.count('POST', /^\/v2\/images$/)).toBe(5)

    // Nothing half-made: no image of a failed import, under our tag or any other, but
    // the empty, private image that keeps the fixed id of 'Fail Stuck 1' for the next run.
    expect(await raw.listByNames(FAILING.filter((n) => n !== 'Fail Stuck 1'))).toEqual([])
    expect(await raw.get(stuckId)).toMatchObject({ status: 'queued', visibility: 'private' })
    expect((await briefs(raw, tag)).map((b) => `${b.name} ${b.visibility} ${b.status}`)).toEqual([
      'Fail Good public active',
      'Fail Good (1) public active',
      'Fail Retention r1 public active',
      'Fail Retention r2 public active',
      'Fail Stuck 1 private queued',
    ])
    console.info(`failures: run took ${took} ms`)
  })

  it('an import stuck in queued is noticed after the queued grace time, tried once with glance-direct, then failed and deleted', async () => {
    // Its own definition: the image 'Fail Stuck 1' kept above must not become its stray.
    const file = await work.catalog('stuck.yml', [
      base('Fail Queued', [{ version: '2', url: server.urlOf('good.qcow2'), id: stuckId2 }]),
    ])
    proxy.inject({
      method: 'POST',
      path: new RegExp(`^/v2/images/${stuckId2}/import$`),
      fault: { status: 202, body: '' },
      times: 10,
    })
    const reporter = recorder()
    const started = Date.now()
    const { report } = await planAndExecute(
      applyOptions(tag, file, { cloudsYaml: cloudsYamlVia(proxy.url) }),
      reporter,
      { queuedGraceMs: 1000, importTimeoutMs: 5000 },
    )
    expect(outcomeLines(report)).toEqual(['failed import Fail Queued 2'])
    // glance-direct's import is dropped too: the image waits in uploading until the timeout.
    // The first method's failure leads: the second's says only what followed.
    expect(report.outcomes[0]?.detail).toBe(
      `web-download failed: the image is stuck in queued: Glance did not start the import; then glance-direct: the image is still 'uploading' after the import timeout (Glance will not take the fixed id ${stuckId2} again: change or drop the version's id)`,
    )
    expect(proxy.count('POST', new RegExp(`^/v2/images/${stuckId2}/import$`))).toBe(2)
    expect(proxy.count('PUT', new RegExp(`^/v2/images/${stuckId2}/stage$`))).toBe(1)
    expect(reporter.warnings).toContainEqual(
      'Fail Queued 2: web-download failed (the image is stuck in queued: Glance did not start the import); trying glance-direct',
    )
    expect(await raw.listByNames(['Fail Queued 2'])).toEqual([])
    console.info(`stuck: given up after ${Date.now() - started} ms`)
  })

  // Glance never lets a deleted image's UUID be used again (409 "Image ID ...
  // already exists!"): the empty image with a fixed id was kept, and is filled now.
  it('a version with a fixed id whose import failed is imported by the next run', async () => {
    const file = await work.catalog('stuck-again.yml', [
      base('Fail Stuck', [{ version: '1', url: server.urlOf('good.qcow2'), id: stuckId }]),
    ])
    const reporter = recorder()
    const code = await applyCommand(applyOptions(tag, file), reporter)
    expect(code, reporter.lines.slice(-3).join('\n')).toBe(0)
    expect((await raw.get(stuckId)).status).toBe('active')
  })
})

// Glance refuses the data (docs/behaviour.md §4): its import task fails within
// a second, while the image may stay 'importing' for good. Apply reads the task
// and ends that import at once with Glance's message, with the default
// --import-timeout (1800 s). Glance 25 (and 2025.1) says no more than "Task
// failed due to Internal Error" for a refused format or quota; the reason is in
// its log only.
const INTERNAL = '"Task failed due to Internal Error" (task '

/** The failure lines of an apply's report, by image name. */
function failures(lines: readonly string[]): Record<string, string> {
  const report = lines.find((l) => l.startsWith('Applied:')) as string
  const out: Record<string, string> = {}
  for (const line of report.split('\n')) {
    const m = /^ {2}✗ ([^:]+): import [^:]+: (.*)$/.exec(line)
    if (m) out[m[1] as string] = m[2] as string
  }
  return out
}

describe('apply: data Glance rejects', () => {
  it("raw bytes declared qcow2: exit 1 within 30 s with Glance's reason or the sniffed format, nothing left", async () => {
    const raw1 = randomBytes(2 ** 20)
    await server.addFile('raw.img', raw1)
    await writeFile(path.join(work.dir, 'images', 'raw.img'), raw1)
    const file = await work.catalog('raw-as-qcow2.yml', [
      base('Reject Raw Web', [{ version: '1', url: server.urlOf('raw.img') }]),
      base('Reject Raw File', [{ version: '1', url: 'file:images/raw.img' }]),
    ])
    const reporter = recorder()
    const started = Date.now()
    const code = await applyCommand(
      applyOptions(tag, file, { importTimeoutSeconds: 1800, cloudsYaml: cloudsYamlVia(proxy.url) }),
      reporter,
    )
    const took = Date.now() - started
    expect(code, reporter.lines.join('\n')).toBe(1)
    expect(took).toBeLessThan(30_000)
    const failed = failures(reporter.lines)
    // What this tool streams it sniffs first, and a web-download's first bytes
    // too (verify auto): the contradiction is known before anything is created.
    expect(failed['Reject Raw File']).toMatch(/^file:images\/raw\.img: declared format qcow2, but /)
    expect(failed['Reject Raw Web']).toBe(
      `${server.urlOf('raw.img')}: declared format qcow2, but the data has no qcow2 header (it looks like a raw disk or an unknown format)`,
    )
    // No import call; no byte of the refused data was staged.
    expect(proxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)).toBe(0)
    expect(proxy.count('PUT', /^\/v2\/images\/[^/]+\/(stage|file)$/)).toBe(0)
    expect(await raw.listByNames(['Reject Raw Web 1', 'Reject Raw File 1'])).toEqual([])
    console.info(`raw as qcow2: rejected after ${took} ms`)
    // Without the task read, the file's image would wait out the import timeout: fail sooner.
  }, 60_000)
})

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// A quota the converted image does not fit: a glance-api of this test's own
// (user_storage_quota 8 MiB; same Keystone and database) and a project of its
// own, so that no other image counts. The shared Glance keeps its settings.
describe('apply: a storage quota the converted image exceeds', () => {
  let own: OwnGlance
  let admin: Session
  let quotaProxy: FaultProxy
  const made: { project?: string; user?: string } = {}
  const suffix = `${process.pid}-${Date.now().toString(36)}`
  const password = randomBytes(18).toString('base64url')

  async function keystone<T>(
    method: 'POST' | 'PUT' | 'GET' | 'DELETE',
    url: string,
    json?: unknown,
  ) {
    const response = await admin.request<T>({
      method,
      url: `${admin.identityUrl}${url}`,
      expected: [200, 201, 204],
      ...(json === undefined ? { responseType: method === 'GET' ? 'json' : 'none' } : { json }),
    })
    return response.data
  }

  beforeAll(async () => {
    own = await startOwnGlance({ 'DEFAULT.user_storage_quota': '8MB' })
    quotaProxy = await startFaultProxy(own.url)
    admin = await createSession(await localCloudConfig('local-admin'))
    const project = await keystone<{ project: { id: string } }>('POST', '/projects', {
      project: { name: `reject-quota-${suffix}`, domain_id: 'default' },
    })
    made.project = project.project.id
    const user = await keystone<{ user: { id: string } }>('POST', '/users', {
      user: {
        name: `reject-quota-${suffix}`,
        password,
        domain_id: 'default',
        default_project_id: made.project,
      },
    })
    made.user = user.user.id
    const roles = await keystone<{ roles: { id: string }[] }>('GET', '/roles?name=member')
    await keystone(
      'PUT',
      `/projects/${made.project}/users/${made.user}/roles/${roles.roles[0]?.id}`,
    )
  }, 90_000)

  afterAll(async () => {
    await quotaProxy?.close()
    await own?.stop()
    if (made.user) await keystone('DELETE', `/users/${made.user}`).catch(() => undefined)
    if (made.project) await keystone('DELETE', `/projects/${made.project}`).catch(() => undefined)
  })

  /** clouds.yaml with one cloud: the test's user and project, Glance through the proxy to the own glance-api. */
  function quotaCloudsYaml(): string {
    const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
      clouds: Record<string, { auth: Record<string, string> } & Record<string, unknown>>
    }
    const admin = clouds.clouds['local-admin'] as { auth: Record<string, string> } & Record<
      string,
      unknown
    >
    return dump({
      clouds: {
        quota: {
          ...admin,
          auth: {
            ...admin.auth,
            username: `reject-quota-${suffix}`,
            password,
            project_name: `reject-quota-${suffix}`,
          },
          image_endpoint_override: quotaProxy.url,
        },
      },
    })
  }

  it('exit 1 within 30 s naming the quota; the web-download is not retried with glance-direct', async () => {
    // 16 MiB once converted to raw, a few hundred KiB as qcow2: the staged file fits.
    const qcow2 = await readFile(await makeQcow2(server.dir, 'quota.qcow2', '16M'))
    await writeFile(path.join(work.dir, 'images', 'quota.qcow2'), qcow2)
    const file = await work.catalog('quota.yml', [
      base('Reject Quota Web', [{ version: '1', url: server.urlOf('quota.qcow2') }]),
      base('Reject Quota File', [{ version: '1', url: 'file:images/quota.qcow2' }]),
    ])
    const reporter = recorder()
    const started = Date.now()
    const code = await applyCommand(
      applyOptions(tag, file, {
        cloud: 'quota',
        cloudsYaml: quotaCloudsYaml(),
        importTimeoutSeconds: 1800,
      }),
      reporter,
    )
    const took = Date.now() - started
    expect(code, `${reporter.lines.join('\n')}\n${(await own.log()).slice(-3000)}`).toBe(1)
    expect(took).toBeLessThan(30_000)
    const failed = failures(reporter.lines)
    // Glance 2022.2 leaves the converted size on the image; 2025.1 does not.
    const converted =
      /Glance had converted the data to raw( \(16 MiB\))? and storing it failed: a storage quota the converted image exceeds, or a full store/
    for (const name of ['Reject Quota Web', 'Reject Quota File']) {
      expect(failed[name]).toMatch(
        new RegExp(`^Glance failed the import: ${esc(INTERNAL)}[0-9a-f-]{36}\\); `),
      )
      expect(failed[name]).toContain('storage quota the converted image exceeds')
    }
    // glance-direct leaves the image importing with the converted size; web-download puts
    // it back to queued without one.
    expect(failed['Reject Quota File']).toMatch(converted)
    // Data Glance had converted was refused, not the download: one import each, one staging.
    expect(quotaProxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)).toBe(2)
    expect(quotaProxy.count('PUT', /^\/v2\/images\/[^/]+\/stage$/)).toBe(1)
    expect(reporter.warnings.filter((w) => w.includes('trying glance-direct'))).toEqual([])
    expect(await raw.listByNames(['Reject Quota Web 1', 'Reject Quota File 1'])).toEqual([])
    console.info(`quota: rejected after ${took} ms`)
  }, 60_000)
})
