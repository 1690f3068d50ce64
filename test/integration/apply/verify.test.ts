// Every byte verified, and know what you send (docs/behaviour.md §4), on the
// real local Glance (conversion to raw on import) behind the fault proxy: a
// definition with a checksum streams through the tool, checked, into the stage;
// a wrong checksum or a lying `format` imports nothing; a compressed source on
// a cloud without interoperable import is unpacked on the way.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  briefs,
  cloudsYamlVia,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  sha256Of,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'
import type { ImportStep } from '../../../src/plan/types.js'

const run = promisify(execFile)
const tag = uniqueTag('verify')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
let goodSha = ''
let rawSha = ''

const QCOW2_MAGIC = Buffer.from('QFI\xfb', 'latin1')
const name = (n: string): string => `Verify ${n} ${process.pid}`
/** The Glance name of version 1 of a non-multi definition. */
const image1 = (n: string): string => `${name(n)} 1`
const base = (n: string, versions: unknown[], extra: Record<string, unknown> = {}) =>
  catalogDefinition(name(n), { meta: catalogMeta(), versions, ...extra })

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  proxy = await startFaultProxy(raw.url)
  const qcow2 = await makeQcow2(server.dir, 'good.qcow2', '16M')
  goodSha = await sha256Of(qcow2)
  await run('gzip', ['-k', qcow2])
  await run('xz', ['-k', '-T1', qcow2])
  await writeFile(path.join(server.dir, 'plain.raw'), Buffer.alloc(2 ** 20, 0x5a))
  rawSha = await sha256Of(path.join(server.dir, 'plain.raw'))
})

beforeEach(() => {
  proxy.clear()
  proxy.requests.length = 0
})

afterAll(async () => {
  await proxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

const options = (file: string, extra = {}) =>
  applyOptions(tag, file, { cloudsYaml: cloudsYamlVia(proxy.url), ...extra })

async function apply(file: string): Promise<{ code: number; out: string }> {
  const reporter = recorder()
  const code = await applyCommand(options(file), reporter)
  return { code, out: reporter.lines.join('\n') }
}

const imports = (steps: unknown[]): ImportStep[] =>
  (steps as ImportStep[]).filter((s) => s.action === 'import')

describe('apply: every byte verified', () => {
  it('a wrong checksum fails the import before Glance imports anything, leaves nothing, and the next plan imports again', async () => {
    const url = server.urlOf('good.qcow2')
    const wrong = `sha256:${'0'.repeat(64)}`
    const file = await work.catalog('wrong.yml', [
      base('Wrong', [{ version: '1', url, checksum: wrong }]),
    ])
    const plan = await planOnly(options(file))
    expect(imports(plan.definitions[0]?.steps ?? [])).toMatchObject([
      { stream: true, verification: 'verified (sha256)' },
    ])

    const { code, out } = await apply(file)
    expect(code, out).toBe(1)
    expect(out).toContain(`Checksum mismatch for ${url}: expected ${wrong}, got ${goodSha}`)
    // Streamed into the stage, never imported: no web-download, no glance-direct import call.
    expect(proxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)).toBe(0)
    expect(await raw.listByNames([image1('Wrong')])).toEqual([])
    expect(planLines(await planOnly(options(file)))).toEqual([`import ${image1('Wrong')}`])
  })

  it('a right checksum is imported through the stage (glance-direct), and the plan is empty after', async () => {
    const file = await work.catalog('right.yml', [
      base('Right', [{ version: '1', url: server.urlOf('good.qcow2'), checksum: goodSha }]),
    ])
    const { code, out } = await apply(file)
    expect(code, out).toBe(0)
    expect(proxy.count('PUT', /^\/v2\/images\/[^/]+\/stage$/)).toBe(1)
    expect(proxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)).toBe(1)
    const [image] = (await briefs(raw, tag)).filter((b) => b.name === image1('Right'))
    expect(image).toMatchObject({ status: 'active', visibility: 'public' })
    // The local Glance converts to raw on import: the stored bytes are no qcow2 any more.
    expect((await raw.get(image?.id as string)).disk_format).toBe('raw')
    expect(planLines(await planOnly(options(file)))).toEqual([])
  })

  it('a definition without a checksum keeps web-download, marked unverified, and a public one is a finding', async () => {
    const file = await work.catalog('plain.yml', [
      base('Plain', [{ version: '1', url: server.urlOf('good.qcow2') }]),
    ])
    const plan = await planOnly(options(file))
    expect(imports(plan.definitions[0]?.steps ?? [])).toMatchObject([
      { stream: false, verification: 'unverified (no checksum)' },
    ])
    expect(plan.findings).toContainEqual({
      image: { name: image1('Plain') },
      message: 'imported public, unverified (no checksum)',
    })
  })

  it('declared qcow2, served raw bytes: an error before a byte is uploaded', async () => {
    const url = server.urlOf('plain.raw')
    const file = await work.catalog('lying.yml', [
      base('Lying', [{ version: '1', url, checksum: rawSha }]),
    ])
    const { code, out } = await apply(file)
    expect(code, out).toBe(1)
    expect(out).toContain(
      `${url}: declared format qcow2, but the data has no qcow2 header (it looks like a raw disk or an unknown format)`,
    )
    expect(proxy.count('PUT', /^\/v2\/images\/[^/]+\/(stage|file)$/)).toBe(0)
    expect(proxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)).toBe(0)
    expect(await raw.listByNames([image1('Lying')])).toEqual([])
  })
})

describe('apply: know what you send', () => {
  it('a .qcow2.xz with its checksum goes unpacked through the stage; Glance converts the qcow2 to raw', async () => {
    const file = await work.catalog('xz.yml', [
      base('Xz', [
        {
          version: '1',
          url: server.urlOf('good.qcow2.xz'),
          checksum: await sha256Of(path.join(server.dir, 'good.qcow2.xz')),
        },
      ]),
    ])
    const { code, out } = await apply(file)
    expect(code, out).toBe(0)
    expect(out).toContain(`${image1('Xz')}: xz unpacked on the way`)
    expect(proxy.count('PUT', /^\/v2\/images\/[^/]+\/stage$/)).toBe(1)
    const [image] = (await briefs(raw, tag)).filter((b) => b.name === image1('Xz'))
    const stored = await raw.get(image?.id as string)
    // A qcow2 converted: raw, of the disk's virtual size (16 MiB), not the xz's bytes.
    expect([stored.status, stored.disk_format, stored.size]).toEqual([
      'active',
      'raw',
      16 * 2 ** 20,
    ])
  })

  it('a .qcow2.gz on a cloud without interoperable import is stored as the qcow2, never the gzip', async () => {
    // The cloud offers no import method: plain upload (PUT /file), which converts nothing.
    proxy.inject({
      method: 'GET',
      path: /^\/v2\/info\/import/,
      fault: {
        status: 200,
        body: JSON.stringify({ 'import-methods': { type: 'array', value: [] } }),
        headers: { 'Content-Type': 'application/json' },
      },
      times: 100,
    })
    const file = await work.catalog('gz.yml', [
      base('Gz', [{ version: '1', url: server.urlOf('good.qcow2.gz') }], {
        visibility: 'private',
      }),
    ])
    const { code, out } = await apply(file)
    expect(code, out).toBe(0)
    expect(out).toContain(`${image1('Gz')}: gzip unpacked on the way`)
    expect(proxy.count('PUT', /^\/v2\/images\/[^/]+\/file$/)).toBe(1)
    const [image] = (await briefs(raw, tag)).filter((b) => b.name === image1('Gz'))
    expect(image?.status).toBe('active')
    const stored = await raw.get(image?.id as string)
    expect(stored.disk_format).toBe('qcow2')
    expect(stored.size).toBe((await readFile(path.join(server.dir, 'good.qcow2'))).length)
    expect((await raw.head(image?.id as string, 4)).equals(QCOW2_MAGIC)).toBe(true)
  })
})
