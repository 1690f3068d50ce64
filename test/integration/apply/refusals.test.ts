// Data that is not its declared `format`, by every import method, and Glance
// 2025.1's refusals (docs/behaviour.md §4, "When Glance refuses"): each fails
// within 30 s naming the mismatch or the lock, and nothing stays under the name.
// On Glance 2022.2 the 2025.1 answers are replayed through the fault proxy (its
// exact 409 and 415 bodies, its import lock kept after a failed import); on
// 2025.1 the same tests meet the real thing.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  cloudsYamlVia,
  rawGlance,
  recorder,
  sha256Of,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('refusals')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
const sums: Record<string, string> = {}
const names: string[] = []

/** Glance 2025.1's answers, byte for byte as webob renders them for `Accept: application/json`. */
const ACTIVE_TASK_409 = {
  status: 409,
  body: '{"message": "Image has active task<br /><br />\\n\\n\\n", "code": "409 Conflict", "title": "Conflict"}',
}
const FORMAT_415 = {
  status: 415,
  body: '{"message": "The request media type application/octet-stream is not supported by this server.\\n<br /><br />\\n", "code": "415 Unsupported Media Type", "title": "Unsupported Media Type"}',
}
const NO_IMPORT = {
  status: 200,
  body: JSON.stringify({ 'import-methods': { type: 'array', value: [] } }),
  headers: { 'Content-Type': 'application/json' },
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  proxy = await startFaultProxy(raw.url)
  await makeQcow2(server.dir, 'disk.qcow2', '16M')
  await writeFile(path.join(server.dir, 'disk.raw'), Buffer.alloc(2 ** 20, 0x5a))
  for (const f of ['disk.qcow2', 'disk.raw']) sums[f] = await sha256Of(path.join(server.dir, f))
})

beforeEach(() => {
  proxy.clear()
  proxy.requests.length = 0
})

afterAll(async () => {
  await proxy?.close()
  await raw?.purge(tag)
  for (const image of await raw.listByNames(names)) await raw.delete(image.id).catch(() => {})
  await server?.close()
  await work?.close()
})

/** A one-version definition; returns the catalog file and the Glance name of its image. */
async function definition(
  label: string,
  format: string,
  version: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ file: string; image: string }> {
  const name = `Refusal ${label} ${process.pid}`
  names.push(`${name} 1`)
  const def = catalogDefinition(name, {
    format,
    meta: catalogMeta(),
    visibility: 'private',
    versions: [{ version: '1', ...version }],
    ...extra,
  })
  return {
    file: await work.catalog(`${label.replace(/\W+/g, '-')}.yml`, [def]),
    image: `${name} 1`,
  }
}

async function apply(file: string): Promise<{ code: number; out: string; took: number }> {
  const reporter = recorder()
  const started = Date.now()
  const options = applyOptions(tag, file, {
    importTimeoutSeconds: 1800,
    cloudsYaml: cloudsYamlVia(proxy.url),
  })
  const code = await applyCommand(options, reporter)
  return { code, out: reporter.lines.join('\n'), took: Date.now() - started }
}

const staged = (): number => proxy.count('PUT', /^\/v2\/images\/[^/]+\/(stage|file)$/)
const importCalls = (): number => proxy.count('POST', /^\/v2\/images\/[^/]+\/import$/)
const creates = (): number => proxy.count('POST', /^\/v2\/images$/)

const MISMATCHES = [
  {
    declared: 'qcow2',
    file: 'disk.raw',
    why: 'the data has no qcow2 header (it looks like a raw disk or an unknown format)',
  },
  { declared: 'raw', file: 'disk.qcow2', why: 'the data is qcow2' },
] as const

describe('apply: data that is not its declared format, by every import method', () => {
  for (const m of MISMATCHES) {
    const said = (url: string): string => `${url}: declared format ${m.declared}, but ${m.why}`

    it(`format ${m.declared}, ${m.file}, web-download (verify auto): refused before anything is created`, async () => {
      const url = server.urlOf(m.file)
      const { file, image } = await definition(`Web ${m.declared}`, m.declared, { url })
      const { code, out, took } = await apply(file)
      expect(code, out).toBe(1)
      expect(took).toBeLessThan(30_000)
      expect(out).toContain(said(url))
      expect([creates(), importCalls(), staged()]).toEqual([0, 0, 0])
      expect(await raw.listByNames([image])).toEqual([])
    })

    it(`format ${m.declared}, ${m.file}, streamed to glance-direct (checksum): refused before a byte is staged`, async () => {
      const url = server.urlOf(m.file)
      const { file, image } = await definition(`Direct ${m.declared}`, m.declared, {
        url,
        checksum: sums[m.file],
      })
      const { code, out, took } = await apply(file)
      expect(code, out).toBe(1)
      expect(took).toBeLessThan(30_000)
      expect(out).toContain(said(url))
      expect([importCalls(), staged()]).toEqual([0, 0])
      expect(await raw.listByNames([image])).toEqual([])
    })

    it(`format ${m.declared}, ${m.file}, plain upload (no interoperable import): refused before a byte is uploaded`, async () => {
      proxy.inject({ method: 'GET', path: /^\/v2\/info\/import/, fault: NO_IMPORT, times: 100 })
      const url = server.urlOf(m.file)
      const { file, image } = await definition(`Upload ${m.declared}`, m.declared, { url })
      const { code, out, took } = await apply(file)
      expect(code, out).toBe(1)
      expect(took).toBeLessThan(30_000)
      expect(out).toContain(said(url))
      expect([importCalls(), staged()]).toEqual([0, 0])
      expect(await raw.listByNames([image])).toEqual([])
    })
  }
})

describe("apply: Glance 2025.1's refusals, in Glance's words", () => {
  it('verify none, a failed web-download whose import lock Glance keeps: its reason, no glance-direct into the lock, nothing left', async () => {
    // What Glance 2025.1 does after refusing the format: the lock stays (os_glance_import_task).
    // Glance 2022.2 drops it: the proxy shows every read of the image with the lock kept.
    const lock = randomUUID()
    proxy.inject({
      method: 'GET',
      path: /^\/v2\/images\/[0-9a-f-]{36}$/,
      fault: { rewrite: (body) => keepLock(body, lock) },
      times: 1000,
    })
    const url = server.urlOf('disk.raw')
    const { file, image } = await definition('Locked', 'qcow2', { url }, { verify: 'none' })
    const { code, out, took } = await apply(file)
    expect(code, out).toBe(1)
    expect(took).toBeLessThan(30_000)
    expect(out).toContain('Glance failed the import: "')
    expect(out).toMatch(
      /; not retried with glance-direct: Glance still holds the image's import lock \(os_glance_import_task [0-9a-f-]{36}\) after the failed import/,
    )
    expect(out).not.toContain('trying glance-direct')
    expect(out).not.toMatch(/expected [0-9 or]+, got 409/)
    // The one import call was the web-download's: nothing was staged into the locked image.
    expect([importCalls(), staged()]).toEqual([1, 0])
    expect(await raw.listByNames([image])).toEqual([])
  })

  it('verify none, format vhd, raw bytes (the sniff lets a raw disk pass as a fixed VHD): the lock of the failed task stops the fallback before a 409', async () => {
    // 2025.1 keeps the lock for real: no replay, the lock named must be the failed task's own.
    const real = await requiresFormatMatch()
    const lock = randomUUID()
    if (!real)
      proxy.inject({
        method: 'GET',
        path: /^\/v2\/images\/[0-9a-f-]{36}$/,
        fault: { rewrite: (body) => keepLock(body, lock) },
        times: 1000,
      })
    const url = server.urlOf('disk.raw')
    const { file, image } = await definition('Vhd', 'vhd', { url }, { verify: 'none' })
    const { code, out, took } = await apply(file)
    expect(code, out).toBe(1)
    expect(took).toBeLessThan(30_000)
    const m =
      /Glance failed the import: "[^"]*" \(task ([0-9a-f-]{36})\).*; not retried with glance-direct: Glance still holds the image's import lock \(os_glance_import_task ([0-9a-f-]{36})\)/.exec(
        out,
      )
    expect(m, out).not.toBeNull()
    expect(m?.[2]).toBe(real ? m?.[1] : lock)
    expect(out).not.toMatch(/expected [0-9 or]+, got 409/)
    expect([importCalls(), staged()]).toEqual([1, 0])
    expect(await raw.listByNames([image])).toEqual([])
  })

  it('plain upload, format vhd, raw bytes (passes the sniff): Glance 2025.1 answers 415, read as a format mismatch; 2022.2 stores it', async () => {
    proxy.inject({ method: 'GET', path: /^\/v2\/info\/import/, fault: NO_IMPORT, times: 100 })
    const real = await requiresFormatMatch()
    const { file, image } = await definition('Upload vhd', 'vhd', { url: server.urlOf('disk.raw') })
    const { code, out, took } = await apply(file)
    if (!real) {
      // Glance 2022.2 checks nothing: a raw disk labelled vhd is stored (docs/behaviour.md, Glance releases).
      expect(code, out).toBe(0)
      expect((await raw.listByNames([image])).map((i) => i.status)).toEqual(['active'])
      return
    }
    expect(code, out).toBe(1)
    expect(took).toBeLessThan(30_000)
    expect(out).toContain(
      'Glance refused the data as not matching the declared format vhd (PUT /file answered 415: "The request media type application/octet-stream is not supported by this server."; Glance 2025.1 checks the data against disk_format); its first bytes look like raw to this tool',
    )
    expect(await raw.listByNames([image])).toEqual([])
  })

  it('a 409 "Image has active task" answering the import call is the import lock, and nothing is left', async () => {
    proxy.inject({ method: 'POST', path: /^\/v2\/images\/[^/]+\/import$/, fault: ACTIVE_TASK_409 })
    const url = server.urlOf('disk.qcow2')
    const { file, image } = await definition('Conflict', 'qcow2', {
      url,
      checksum: sums['disk.qcow2'],
    })
    const { code, out, took } = await apply(file)
    expect(code, out).toBe(1)
    expect(took).toBeLessThan(30_000)
    expect(out).toContain(
      'Glance refused the import: "Image has active task": an earlier import task of this image still holds its import lock (os_glance_import_task; Glance 2025.1 keeps it 60 minutes after a failed import)',
    )
    expect(await raw.listByNames([image])).toEqual([])
  })

  it('a 415 answering the upload is a format mismatch, naming the declared format, and nothing is left', async () => {
    proxy.inject({ method: 'GET', path: /^\/v2\/info\/import/, fault: NO_IMPORT, times: 100 })
    proxy.inject({ method: 'PUT', path: /^\/v2\/images\/[^/]+\/file$/, fault: FORMAT_415 })
    const url = server.urlOf('disk.qcow2')
    const { file, image } = await definition('Unsupported', 'qcow2', { url })
    const { code, out, took } = await apply(file)
    expect(code, out).toBe(1)
    expect(took).toBeLessThan(30_000)
    expect(out).toContain(
      'Glance refused the data as not matching the declared format qcow2 (PUT /file answered 415: "The request media type application/octet-stream is not supported by this server."; Glance 2025.1 checks the data against disk_format); its first bytes look like qcow2 to this tool',
    )
    expect(await raw.listByNames([image])).toEqual([])
  })
})

/** Glance 2025.1 (API v2.17) and later check the data against `format`; 2022.2 (v2.15/2.16) does not. */
async function requiresFormatMatch(): Promise<boolean> {
  const answer = await fetch(`${raw.url.replace(/\/v2\/?$/, '')}/versions`)
  const { versions } = (await answer.json()) as { versions: { id: string; status: string }[] }
  const current = versions.find((v) => v.status === 'CURRENT')?.id ?? 'v2.0'
  return Number(current.split('.')[1]) >= 17
}

/** The image as Glance 2025.1 shows it after a failed conversion: still locked by the task. */
function keepLock(body: string, task: string): string {
  const image = JSON.parse(body) as Record<string, unknown>
  return JSON.stringify({ ...image, os_glance_import_task: image.os_glance_import_task || task })
}
