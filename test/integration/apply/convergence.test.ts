// Faults injected into a real apply, one kind at a time, through the fault
// proxy in front of the real Glance (or by killing glance-api itself). After
// the faulty run, plain runs follow until the plan is empty. Everywhere:
// converged within 2 further runs, nothing outside retention deleted, no two
// images under one name, every failure of the faulty run named with its cause.
// The test prints the figures as the table docs/cli.md shows.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dump, load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { getErrorMessage } from '../../../src/problems.js'
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { runLocalCloud } from '../../support/local-cloud.js'
import {
  applyOptions,
  cloudsYamlVia,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  settle,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('converge')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
let catalog: string
const rows: string[] = []

const ID = '[0-9a-f-]{36}'
const def = (name: string, multi: boolean, urls: string[]): Record<string, unknown> =>
  catalogDefinition(name, {
    login: 'root',
    min_disk: 1,
    min_ram: 256,
    multi,
    meta: catalogMeta({ os_distro: 'debian', os_version: '12' }),
    versions: urls.map((url, i) => ({ version: `2024011${i}`, url, build_date: `2024-01-1${i}` })),
  })

const WANTED = [
  'Conv Direct 20240110',
  'Conv Multi',
  'Conv Multi (20240110)',
  'Conv Plain 20240110',
  'Conv Plain 20240111',
]

/** The cloud's clouds.yaml through the proxy, with a short client timeout for the slow case. */
function viaProxy(timeoutSeconds: number): string {
  const clouds = load(cloudsYamlVia(proxy.url)) as {
    clouds: Record<string, Record<string, unknown>>
  }
  for (const cloud of Object.values(clouds.clouds)) cloud.api_timeout = timeoutSeconds
  return dump(clouds)
}

interface Scenario {
  fault: string
  where: string
  rules?: FaultRule[]
  /** Instead of rules: something done to the cloud while the run goes on. */
  during?: () => Promise<void>
  timeoutSeconds?: number
  /** apply's --import-timeout for the faulty run (default 120 s). */
  importTimeoutSeconds?: number
}

const scenarios: Scenario[] = [
  {
    fault: '503 burst (4 in a row)',
    where: 'GET /v2/images/{id} (polls)',
    rules: [
      { method: 'GET', path: new RegExp(`^/v2/images/${ID}$`), fault: { status: 503 }, times: 4 },
    ],
  },
  {
    fault: '503 burst (3 in a row)',
    where: 'PATCH /v2/images/{id}',
    rules: [{ method: 'PATCH', path: /^\/v2\/images\//, fault: { status: 503 }, times: 3 }],
  },
  {
    fault: '503 burst (3 in a row)',
    where: 'POST /v2/images (create) and POST …/import',
    rules: [
      { method: 'POST', path: /^\/v2\/images$/, fault: { status: 503 }, times: 2 },
      { method: 'POST', path: /\/import$/, fault: { status: 503 }, times: 1 },
    ],
  },
  {
    fault: 'connection reset mid-body',
    where: 'PUT …/stage (after 64 KiB)',
    rules: [{ method: 'PUT', path: /\/stage$/, fault: { resetAfterBytes: 65536 }, times: 1 }],
  },
  {
    fault: '401 (token revoked)',
    where: 'GET /v2/images/{id}, then PATCH',
    rules: [
      { method: 'GET', path: new RegExp(`^/v2/images/${ID}$`), fault: { status: 401 }, times: 1 },
      { method: 'PATCH', path: /^\/v2\/images\//, fault: { status: 401 }, times: 1 },
    ],
  },
  {
    fault: 'slow response past the client timeout (2 s)',
    where: 'GET /v2/images/{id} and PATCH, 3 s each',
    timeoutSeconds: 2,
    rules: [
      { method: 'GET', path: new RegExp(`^/v2/images/${ID}$`), fault: { delayMs: 3000 }, times: 2 },
      { method: 'PATCH', path: /^\/v2\/images\//, fault: { delayMs: 3000 }, times: 1 },
    ],
  },
  {
    fault: 'import stuck in queued',
    where: 'POST …/import answered 202, never forwarded',
    rules: [{ method: 'POST', path: /\/import$/, fault: { status: 202, body: '' }, times: 1 }],
  },
  {
    fault: 'glance-api killed (SIGKILL) and restarted',
    where: 'the whole Glance, once the first import was accepted; up again 2 s later',
    // Imports Glance was running when it died never finish: the run gives up on them.
    importTimeoutSeconds: 30,
    during: async () => {
      for (let i = 0; i < 600 && !proxy.requests.some((r) => r.path.endsWith('/import')); i++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      try {
        await runLocalCloud('crash-glance')
        await new Promise((resolve) => setTimeout(resolve, 2000))
      } finally {
        await runLocalCloud('up')
      }
    },
  },
]

beforeAll(async () => {
  server = await startImageServer()
  raw = await rawGlance()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(work.dir, 'base.qcow2'))
  const urls = await Promise.all(
    ['a', 'b', 'c', 'd'].map((n) => server.addFile(`${n}.qcow2`, bytes)),
  )
  await writeFile(path.join(work.dir, 'direct.qcow2'), bytes)
  catalog = await work.catalog('converge.yml', [
    def('Conv Multi', true, urls.slice(0, 2)),
    def('Conv Plain', false, urls.slice(2, 4)),
    def('Conv Direct', false, ['file:direct.qcow2']),
  ])
  proxy = await startFaultProxy(raw.url)
}, 180_000)

afterAll(async () => {
  console.info(
    [
      '| Fault | Injected at | Runs until converged | Images deleted | Duplicates left |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  )
  await proxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('apply converges after faults', () => {
  it.each(scenarios)(
    '$fault at $where',
    async (scenario) => {
      await raw.purge(tag)
      proxy.clear()
      proxy.requests.length = 0
      for (const rule of scenario.rules ?? []) proxy.inject(rule)
      const options = applyOptions(tag, catalog, {
        cloudsYaml: viaProxy(scenario.timeoutSeconds ?? 60),
      })
      const faulty = recorder()
      // As the CLI does: an error that ends the run is printed, exit 1.
      const faultyRun = applyCommand(
        { ...options, importTimeoutSeconds: scenario.importTimeoutSeconds ?? 120 },
        faulty,
      ).catch((error: unknown) => {
        faulty.lines.push(`error: ${getErrorMessage(error)}`)
        return 1
      })
      const [code] = await Promise.all([faultyRun, scenario.during?.()])
      proxy.clear()
      const log = [`run 1 (faults): exit ${code}`, ...faulty.lines]
      // Every failure is named with its cause.
      if (code !== 0) {
        const failures = faulty.lines
          .flatMap((l) => l.split('\n'))
          .filter((l) => /^(\s+✗ |error: )/.test(l))
        expect(failures.length, log.join('\n')).toBeGreaterThan(0)
        for (const line of failures) expect(line, log.join('\n')).toMatch(/: \S.*: \S/)
      }
      const survivors = (await raw.listByTag(tag)).filter((i) => i.status === 'active')

      let runs = 1
      for (; runs <= 3; runs++) {
        await settle(raw, tag)
        if (planLines(await planOnly(options)).length === 0) break
        const plain = recorder()
        const again = await applyCommand(options, plain)
        log.push(`run ${runs + 1}: exit ${again}`, ...plain.lines)
      }
      const images = await settle(raw, tag)
      const names = images.map((i) => i.name).sort()
      const duplicates = names.length - new Set(names).size
      const deleted = proxy.requests.filter((r) => r.method === 'DELETE' && !r.fault).length
      rows.push(
        `| ${scenario.fault} | ${scenario.where} | ${runs === 1 ? '1 (the faulty run itself)' : runs} | ${deleted} | ${duplicates} |`,
      )
      expect(runs, log.join('\n')).toBeLessThanOrEqual(3)
      expect(names, log.join('\n')).toEqual(WANTED)
      expect(duplicates).toBe(0)
      // Nothing that was complete after the faulty run was deleted: no retention here.
      const ids = new Set(images.map((i) => i.id))
      for (const image of survivors) expect(ids, `${image.name} was deleted`).toContain(image.id)
    },
    300_000,
  )
})
