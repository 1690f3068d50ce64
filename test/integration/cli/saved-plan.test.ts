// Saved plans as a user runs them: `plan --out FILE`, then `apply --plan FILE`,
// against the real local Glance behind a recording proxy. A fresh plan applies;
// a stale one, one from other definitions, or a file that is not whole is
// refused, and no write request reaches Glance.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import type { Plan } from '../../../src/plan/types.js'
import { catalogDefinition } from '../../support/definitions.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  cloudsYamlVia,
  rawGlance,
  settle,
  shapes,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

const tag = uniqueTag('saved')
const suffix = tag.split('-').pop() as string
const NAME = `Saved Plan ${suffix}`
/** A single build's Glance name: the definition's name and version. */
const IMAGE = `${NAME} 1`
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
let catalog: string
let savedEnv: string | undefined

const definition = (minRam: number) =>
  catalogDefinition(NAME, {
    min_ram: minRam,
    versions: [{ version: '1', url: server.urlOf('saved.qcow2') }],
  })

async function cli(...argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (c) => (stdout += c))
  err.on('data', (c) => (stderr += c))
  const code = await main(argv, { out, err })
  return { code, stdout, stderr, all: `${stdout}\n${stderr}` }
}

const common = (): string[] => ['--images', catalog, '--cloud', 'local-admin', '--tag', tag]
const file = (name: string): string => path.join(work.dir, name)

/** `plan --out FILE`; the plan as written. */
async function planTo(name: string): Promise<Plan> {
  const result = await cli('plan', ...common(), '--out', file(name))
  expect(result.code, result.all).toBe(0)
  return JSON.parse(await readFile(file(name), 'utf8')) as Plan
}

/** An orphan: managed (our tag), no definition's. */
const bare = {
  disk_format: 'raw',
  container_format: 'bare',
  get tags() {
    return [tag]
  },
}

/** Requests that change something in Glance (anything but GET and HEAD). */
const writes = (): string[] =>
  proxy.requests.filter((r) => !['GET', 'HEAD'].includes(r.method)).map((r) => r.path)

/** The single image of the definition, by id. */
async function theImage(): Promise<{ id: string; min_ram: number }> {
  const images = await raw.listByTag(tag)
  const image = images.find((i) => i.name === IMAGE)
  if (!image) throw new Error(`no image ${IMAGE} in ${images.map((i) => i.name).join(', ')}`)
  return image
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  await server.addFile('saved.qcow2', await readFile(await makeQcow2(server.dir, 'b.qcow2', '16M')))
  proxy = await startFaultProxy(raw.url)
  const clouds = file('clouds.yaml')
  await writeFile(clouds, cloudsYamlVia(proxy.url))
  savedEnv = process.env.OS_CLIENT_CONFIG_FILE
  process.env.OS_CLIENT_CONFIG_FILE = clouds
  catalog = await work.catalog('saved.yml', [definition(512)])
}, 60_000)

afterAll(async () => {
  if (savedEnv === undefined) delete process.env.OS_CLIENT_CONFIG_FILE
  else process.env.OS_CLIENT_CONFIG_FILE = savedEnv
  await proxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

beforeEach(async () => {
  catalog = await work.catalog('saved.yml', [definition(512)])
})

describe('apply --plan FILE', () => {
  it('a fresh saved plan runs its steps, and the next plan is empty', async () => {
    const plan = await planTo('fresh.json')
    expect(plan.formatVersion).toBe(2)
    expect(plan.basis?.images).toEqual([])
    expect(plan.summary.import).toBe(1)
    const applied = await cli('apply', '--plan', file('fresh.json'), '--images', catalog)
    expect(applied.code, applied.all).toBe(0)
    expect(applied.all).toContain('Applied: 1 done, 0 failed')
    await settle(raw, tag)
    const again = await cli('plan', ...common(), '--detailed-exitcode')
    expect(again.code, again.all).toBe(0)
  }, 120_000)

  it('a stale plan is refused with each change named, and the cloud is untouched', async () => {
    const image = await theImage()
    await raw.patch(image.id, [{ op: 'replace', path: '/min_ram', value: 1024 }])
    // The plan repairs min_ram (1024 -> 512) and saw the image with 1024.
    const plan = await planTo('stale.json')
    expect(plan.summary.update).toBe(1)
    // Meanwhile someone else changes the image, and another managed image appears.
    await raw.patch(image.id, [{ op: 'replace', path: '/min_ram', value: 2048 }])
    const other = await raw.createActive({ name: `${NAME} other`, ...bare })
    const before = await shapes(raw, tag)
    proxy.requests.length = 0
    const refused = await cli('apply', '--plan', file('stale.json'), '--images', catalog)
    expect(refused.code, refused.all).toBe(1)
    expect(refused.stderr).toContain(`${IMAGE}: min_ram is 2048 now, the plan saw 1024`)
    expect(refused.stderr).toContain(`${NAME} other: new since the plan (${other})`)
    expect(refused.stderr).toContain('refused, nothing was applied')
    expect(writes()).toEqual([])
    // The same listing as a plan (visible and hidden images), nothing per image
    // (`GET /` is the version discovery of connecting).
    const imageRequests = proxy.requests.filter((r) => r.path !== '/')
    expect(imageRequests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [false, true].map(
        (hidden) => `GET /v2/images?tag=${tag}&os_hidden=${hidden}&visibility=all&limit=1000`,
      ),
    )
    expect(await shapes(raw, tag)).toEqual(before)
    await raw.delete(other)
  }, 120_000)

  it('an image deleted since the plan is named, and nothing is written', async () => {
    const doomed = await raw.createActive({ name: `${NAME} doomed`, ...bare })
    await planTo('deleted.json')
    await raw.delete(doomed)
    const before = await shapes(raw, tag)
    proxy.requests.length = 0
    const refused = await cli('apply', '--plan', file('deleted.json'), '--images', catalog)
    expect(refused.code, refused.all).toBe(1)
    expect(refused.stderr).toContain(`${NAME} doomed: deleted since the plan`)
    expect(writes()).toEqual([])
    expect(await shapes(raw, tag)).toEqual(before)
  }, 120_000)

  it('a plan made from other definitions is refused before any request', async () => {
    const image = await theImage()
    await raw.patch(image.id, [{ op: 'replace', path: '/min_ram', value: 1024 }])
    await planTo('other-defs.json')
    catalog = await work.catalog('saved.yml', [definition(256)])
    const before = await shapes(raw, tag)
    proxy.requests.length = 0
    const refused = await cli('apply', '--plan', file('other-defs.json'), '--images', catalog)
    expect(refused.code, refused.all).toBe(1)
    expect(refused.stderr).toContain('are not those the saved plan was made from')
    expect(proxy.requests).toEqual([])
    expect(await shapes(raw, tag)).toEqual(before)
  }, 120_000)

  it('a truncated or hand-edited file is an error (exit 2) before any request', async () => {
    const image = await theImage()
    await raw.patch(image.id, [{ op: 'replace', path: '/min_ram', value: 1024 }])
    const plan = await planTo('edit.json')
    const text = await readFile(file('edit.json'), 'utf8')
    const update = plan.definitions[0]?.steps[0]
    if (update?.action !== 'update') throw new Error('expected an update step')
    const edits: Record<string, string> = {
      truncated: text.slice(0, Math.floor(text.length / 2)),
      // A step's change edited: planDigest no longer matches.
      step: JSON.stringify({
        ...plan,
        definitions: [
          {
            ...plan.definitions[0],
            steps: [{ ...update, changes: [{ field: 'min_ram', from: 1024, to: 4096 }] }],
          },
        ],
      }),
      // The basis edited: its own digest no longer matches.
      basis: JSON.stringify({
        ...plan,
        basis: { ...plan.basis, images: [{ ...plan.basis?.images[0], min_ram: 2048 }] },
      }),
      // Not the format: the schema says so.
      shape: JSON.stringify({ ...plan, definitions: [{ name: NAME }] }),
      older: JSON.stringify({ ...plan, formatVersion: 1 }),
    }
    const before = await shapes(raw, tag)
    const said: Record<string, string> = {}
    for (const [name, content] of Object.entries(edits)) {
      await writeFile(file(`${name}.json`), content)
      proxy.requests.length = 0
      const result = await cli('apply', '--plan', file(`${name}.json`), '--images', catalog)
      expect(result.code, `${name}: ${result.all}`).toBe(2)
      expect(proxy.requests, name).toEqual([])
      expect(result.stderr).not.toMatch(/\n\s+at /)
      said[name] = result.stderr
    }
    expect(said.truncated).toMatch(/is not whole JSON \(.* at line \d+, column \d+\)/)
    expect(said.step).toContain('its steps were edited after plan wrote them')
    expect(said.basis).toContain('its basis was edited after plan wrote it')
    expect(said.shape).toContain('does not match schemas/plan.schema.json')
    expect(said.older).toContain('has formatVersion 1')
    expect(await shapes(raw, tag)).toEqual(before)
    // The untouched file still applies.
    const applied = await cli('apply', '--plan', file('edit.json'), '--images', catalog)
    expect(applied.code, applied.all).toBe(0)
    expect((await theImage()).min_ram).toBe(512)
  }, 120_000)

  it('plan-shaping options that differ from the file are refused (exit 2)', async () => {
    await planTo('opts.json')
    proxy.requests.length = 0
    const result = await cli('apply', '--plan', file('opts.json'), '--images', catalog, '--delete')
    expect(result.code, result.all).toBe(2)
    expect(result.stderr).toContain('delete true (the plan: false)')
    const tagged = await cli(
      'apply',
      '--plan',
      file('opts.json'),
      '--images',
      catalog,
      '--tag',
      'x',
    )
    expect(tagged.code, tagged.all).toBe(2)
    expect(proxy.requests).toEqual([])
    // The same options as the plan's are fine.
    const same = await cli('apply', '--plan', file('opts.json'), ...common())
    expect(same.code, same.all).toBe(0)
  }, 120_000)

  it("options left at their defaults take the file's: exactly the saved steps run", async () => {
    const image = await theImage()
    await raw.patch(image.id, [{ op: 'replace', path: '/min_ram', value: 1024 }])
    // Filtered to nothing: a plan without steps, though the image drifted.
    const result = await cli('plan', ...common(), '--filter', '^nothing$', '--out', file('f.json'))
    expect(result.code, result.all).toBe(0)
    proxy.requests.length = 0
    // No --filter here: a fresh plan would repair min_ram; the saved one does nothing.
    const applied = await cli('apply', '--plan', file('f.json'), '--images', catalog)
    expect(applied.code, applied.all).toBe(0)
    expect(applied.all).toContain('Applied: 0 done, 0 failed, 0 skipped.')
    expect(writes()).toEqual([])
    expect((await theImage()).min_ram).toBe(1024)
  }, 120_000)
})
