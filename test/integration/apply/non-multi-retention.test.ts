// Retention of a non-multi definition on the real Glance (docs/behaviour.md §6,
// an extension: the old tool kept every listed build). last-2 over four listed
// versions: --hide makes the two oldest community, --delete (confirmed) deletes
// them, and they are not imported again.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  applyOptions,
  briefs,
  outcomeLines,
  planAndExecute,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'
import type { ApplyCommandOptions } from '../../../src/commands/apply.js'

const tag = uniqueTag('nm-retention')
const name = `NM Ret ${process.pid}`
let server: ImageServer
let raw: RawGlance
let work: Workdir
let urls: string[]

async function catalog(count: number, validity: string): Promise<string> {
  return work.catalog('non-multi.yml', [
    catalogDefinition(name, {
      login: 'root',
      min_disk: 1,
      min_ram: 256,
      meta: catalogMeta({ os_distro: 'debian', os_version: '12', uuid_validity: validity }),
      versions: urls.slice(0, count).map((url, i) => ({
        version: `2024010${i + 1}`,
        url,
        build_date: `2024-01-0${i + 1}`,
      })),
    }),
  ])
}

async function run(images: string, extra: Partial<ApplyCommandOptions> = {}) {
  const reporter = recorder()
  const { plan, report } = await planAndExecute(applyOptions(tag, images, extra), reporter)
  expect(
    report.outcomes.filter((o) => o.status !== 'done'),
    reporter.lines.join('\n'),
  ).toEqual([])
  return { steps: planLines(plan), outcomes: outcomeLines(report) }
}

const state = async () =>
  (await briefs(raw, tag)).map((b) => `${b.name} ${b.visibility} ${b.status}`)

beforeAll(async () => {
  server = await startImageServer()
  raw = await rawGlance()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(work.dir, 'base.qcow2'))
  urls = await Promise.all(['a', 'b', 'c', 'd'].map((n) => server.addFile(`${n}.qcow2`, bytes)))
}, 120_000)

afterAll(async () => {
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('non-multi retention on the real Glance', () => {
  it('last-2 hides, then deletes, the builds outside the window; they are not imported again', async () => {
    const three = await catalog(3, 'last-3')
    expect((await run(three)).steps).toEqual([
      `import ${name} 20240101`,
      `import ${name} 20240102`,
      `import ${name} 20240103`,
    ])

    const four = await catalog(4, 'last-2')
    const hidden = await run(four, { hide: true })
    expect(hidden.steps).toEqual([
      `import ${name} 20240104`,
      `update ${name} 20240101`,
      `update ${name} 20240102`,
      `update ${name} 20240103`,
      `hide ${name} 20240102`,
      `hide ${name} 20240101`,
    ])
    expect(await state()).toEqual([
      `${name} 20240101 community active`,
      `${name} 20240102 community active`,
      `${name} 20240103 public active`,
      `${name} 20240104 public active`,
    ])

    // Without the confirmation, --delete deletes nothing.
    expect(
      (await planOnly(applyOptions(tag, four, { delete: true }))).definitions[0]?.retention,
    ).toEqual([])
    const deleted = await run(four, { delete: true, confirmDelete: true })
    expect(deleted.steps).toEqual([`delete ${name} 20240102`, `delete ${name} 20240101`])
    expect(await state()).toEqual([
      `${name} 20240103 public active`,
      `${name} 20240104 public active`,
    ])

    // Converged: the listed versions outside the window are not imported again.
    expect(planLines(await planOnly(applyOptions(tag, four, { hide: true })))).toEqual([])
  }, 300_000)
})
