// Acceptance 2: rotation of multi images (docs/behaviour.md §2) and retention (docs/behaviour.md §6):
// last-3 with hide, then with delete; keep: true never deletes; none and
// forever never remove anything.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execute } from '../../../src/apply/executor.js'
import { openPlanSession } from '../../../src/commands/plan.js'
import type { Plan } from '../../../src/plan/types.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  briefs,
  outcomeLines,
  label,
  planAndExecute,
  planLines,
  planOnly,
  quickPolls,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type Brief,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('rotation')
const tagRotating = uniqueTag('rotation-rotating')
let server: ImageServer
let raw: RawGlance
let work: Workdir

function multi(name: string, validity: string, versions: string[], extra = {}): unknown {
  return catalogDefinition(name, {
    multi: true,
    meta: catalogMeta({ uuid_validity: validity }),
    versions: versions.map((v) => ({ version: v, url: server.urlOf(`img-${v}.qcow2`) })),
    ...extra,
  })
}

/** The catalog after `round` additions: each definition gains one newer version per round. */
async function catalog(round: number): Promise<string> {
  const upTo = (prefix: string, first: number) =>
    Array.from({ length: first + round }, (_, i) => `${prefix}${i + 1}`)
  return work.catalog(`rotation-${round}.yml`, [
    multi('Rot Multi', 'last-3', upTo('2024010', 3)),
    multi('Rot Keep', 'last-2', upTo('k', 2), { keep: true }),
    multi('Rot None', 'none', upTo('n', 2)),
    multi('Rot Forever', 'forever', upTo('f', 2)),
  ])
}

const build = (name: string, version: string, rest: Partial<Brief> = {}) => ({
  name,
  id: expect.any(String) as unknown as string,
  visibility: 'public',
  status: 'active',
  version,
  ...rest,
})

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  const versions = [
    ...[1, 2, 3, 4, 5].map((i) => `2024010${i}`),
    ...[1, 2, 3, 4].map((i) => `k${i}`),
    'l1',
    'l2',
    'i1',
    'i2',
    'i3',
    'i4',
    't1',
    't2',
    't3',
    ...[1, 2, 3, 4].map((i) => `n${i}`),
    ...[1, 2, 3, 4].map((i) => `f${i}`),
  ]
  for (const v of versions) await server.addFile(`img-${v}.qcow2`, bytes)
})

afterAll(async () => {
  await raw?.purge(tag)
  await raw?.purge(tagRotating)
  await server?.close()
  await work?.close()
})

describe('apply: rotation and retention', () => {
  const ids = new Map<string, string>()

  it('first run: every listed version inside the window is imported; the newest takes the name', async () => {
    const reporter = recorder()
    const { report } = await planAndExecute(applyOptions(tag, await catalog(0)), reporter)
    expect(report.failed, reporter.lines.join('\n')).toBe(0)
    const state = await briefs(raw, tag)
    expect(state).toEqual([
      build('Rot Forever', 'f2'),
      build('Rot Forever (f1)', 'f1'),
      build('Rot Keep', 'k2'),
      build('Rot Keep (k1)', 'k1'),
      build('Rot Multi', '20240103'),
      build('Rot Multi (20240101)', '20240101'),
      build('Rot Multi (20240102)', '20240102'),
      build('Rot None', 'n2'),
      build('Rot None (n1)', 'n1'),
    ])
    for (const b of state) ids.set(b.name, b.id)
  })

  it('a new version is imported under its dated name, then the current one steps aside keeping its UUID; with hide the oldest outside last-3 becomes community', async () => {
    const options = applyOptions(tag, await catalog(1), { hide: true })
    const reporter = recorder()
    const { plan, report } = await planAndExecute(options, reporter)
    expect(planLines(plan)).toEqual([
      'import Rot Multi (20240104)',
      'rename Rot Multi -> Rot Multi (20240103)',
      'rename Rot Multi (20240104) -> Rot Multi',
      'hide Rot Multi (20240101)',
      'import Rot Keep (k3)',
      'rename Rot Keep -> Rot Keep (k2)',
      'rename Rot Keep (k3) -> Rot Keep',
      'hide Rot Keep (k1)',
      'import Rot None (n3)',
      'rename Rot None -> Rot None (n2)',
      'rename Rot None (n3) -> Rot None',
      'import Rot Forever (f3)',
      'rename Rot Forever -> Rot Forever (f2)',
      'rename Rot Forever (f3) -> Rot Forever',
    ])
    expect(report.failed, reporter.lines.join('\n')).toBe(0)
    expect(report.outcomes.every((o) => o.status === 'done')).toBe(true)
    const state = await briefs(raw, tag)
    expect(state).toEqual([
      build('Rot Forever', 'f3'),
      build('Rot Forever (f1)', 'f1', { id: ids.get('Rot Forever (f1)') as string }),
      build('Rot Forever (f2)', 'f2', { id: ids.get('Rot Forever') as string }),
      build('Rot Keep', 'k3'),
      build('Rot Keep (k1)', 'k1', {
        id: ids.get('Rot Keep (k1)') as string,
        visibility: 'community',
      }),
      build('Rot Keep (k2)', 'k2', { id: ids.get('Rot Keep') as string }),
      build('Rot Multi', '20240104'),
      build('Rot Multi (20240101)', '20240101', {
        id: ids.get('Rot Multi (20240101)') as string,
        visibility: 'community',
      }),
      build('Rot Multi (20240102)', '20240102', { id: ids.get('Rot Multi (20240102)') as string }),
      // The old current build keeps its UUID under its dated name.
      build('Rot Multi (20240103)', '20240103', { id: ids.get('Rot Multi') as string }),
      build('Rot None', 'n3'),
      build('Rot None (n1)', 'n1', { id: ids.get('Rot None (n1)') as string }),
      build('Rot None (n2)', 'n2', { id: ids.get('Rot None') as string }),
    ])
    // The new current image is the one imported in this run, not a renamed old one.
    const current = state.find((b) => b.name === 'Rot Multi') as Brief
    expect([...ids.values()]).not.toContain(current.id)
    for (const b of state) ids.set(b.name, b.id)
  })

  it('with delete and its confirmation builds outside the window are deleted; keep: true only deactivates and hides; none and forever remove nothing', async () => {
    const options = applyOptions(tag, await catalog(2), { delete: true, confirmDelete: true })
    const reporter = recorder()
    const { plan, report } = await planAndExecute(options, reporter)
    expect(planLines(plan)).toEqual([
      'import Rot Multi (20240105)',
      'rename Rot Multi -> Rot Multi (20240104)',
      'rename Rot Multi (20240105) -> Rot Multi',
      'delete Rot Multi (20240102)',
      'delete Rot Multi (20240101)',
      'import Rot Keep (k4)',
      'rename Rot Keep -> Rot Keep (k3)',
      'rename Rot Keep (k4) -> Rot Keep',
      'deactivate Rot Keep (k2)',
      'hide Rot Keep (k2)',
      'deactivate Rot Keep (k1)',
      'import Rot None (n4)',
      'rename Rot None -> Rot None (n3)',
      'rename Rot None (n4) -> Rot None',
      'import Rot Forever (f4)',
      'rename Rot Forever -> Rot Forever (f3)',
      'rename Rot Forever (f4) -> Rot Forever',
    ])
    expect(outcomeLines(report).filter((l) => !l.startsWith('done'))).toEqual([])
    expect(await briefs(raw, tag)).toEqual([
      build('Rot Forever', 'f4'),
      build('Rot Forever (f1)', 'f1', { id: ids.get('Rot Forever (f1)') as string }),
      build('Rot Forever (f2)', 'f2', { id: ids.get('Rot Forever (f2)') as string }),
      build('Rot Forever (f3)', 'f3', { id: ids.get('Rot Forever') as string }),
      build('Rot Keep', 'k4'),
      build('Rot Keep (k1)', 'k1', {
        id: ids.get('Rot Keep (k1)') as string,
        visibility: 'community',
        status: 'deactivated',
      }),
      build('Rot Keep (k2)', 'k2', {
        id: ids.get('Rot Keep (k2)') as string,
        visibility: 'community',
        status: 'deactivated',
      }),
      build('Rot Keep (k3)', 'k3', { id: ids.get('Rot Keep') as string }),
      build('Rot Multi', '20240105'),
      build('Rot Multi (20240103)', '20240103', { id: ids.get('Rot Multi (20240103)') as string }),
      build('Rot Multi (20240104)', '20240104', { id: ids.get('Rot Multi') as string }),
      build('Rot None', 'n4'),
      build('Rot None (n1)', 'n1', { id: ids.get('Rot None (n1)') as string }),
      build('Rot None (n2)', 'n2', { id: ids.get('Rot None (n2)') as string }),
      build('Rot None (n3)', 'n3', { id: ids.get('Rot None') as string }),
    ])
  })

  // A build outside the window whose version is still listed keeps the status
  // retention gave it: no reactivate/deactivate flip-flop between runs.
  it('after retention deactivated builds, a further run has nothing to do', async () => {
    const options = applyOptions(tag, await catalog(2), { delete: true, confirmDelete: true })
    // Listed versions outside the window are not imported again, and nothing is left to do.
    expect(planLines(await planOnly(options))).toEqual([])
  })
})

describe('apply: retention in the run that rotates', () => {
  // Three definitions, run together to save time: each test below asserts one of them.
  let plan: Plan
  const lines = (name: string): string[] =>
    plan.definitions
      .filter((d) => d.name === name)
      .flatMap((d) => [...d.steps, ...d.retention].map(label))
  const names = async (prefix: string): Promise<string[]> =>
    (await briefs(raw, tagRotating)).filter((b) => b.name.startsWith(prefix)).map((b) => b.name)

  beforeAll(async () => {
    const file = (round: string, last1: string[], interrupted: string[], twice: string[]) =>
      work.catalog(`rotating-${round}.yml`, [
        multi('Rot Last1', 'last-1', last1),
        multi('Rot Interrupted', 'last-2', interrupted),
        multi('Rot Twice', 'last-2', twice),
      ])
    const setup = await planAndExecute(
      applyOptions(tagRotating, await file('a', ['l1'], ['i1', 'i2'], ['t1'])),
      recorder(),
    )
    expect(setup.report.failed).toBe(0)

    // A run that adds i3 stops after its import, before its renames (as if killed there).
    const outcome = await openPlanSession(
      applyOptions(tagRotating, await file('b', ['l1'], ['i1', 'i2', 'i3'], ['t1'])),
      recorder(),
    )
    if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
    const interrupted = structuredClone(outcome.plan)
    for (const d of interrupted.definitions) {
      d.steps = d.steps.filter((s) => s.action === 'import')
      d.retention = []
    }
    const partial = await execute(interrupted, {
      glance: outcome.glance,
      reporter: recorder(),
      concurrency: 1,
      importTimeoutMs: 60_000,
      sleep: quickPolls,
    })
    expect(outcomeLines(partial)).toEqual(['done import Rot Interrupted (i3)'])

    // The run under test: l2, i4, and t2 + t3 at once, with delete.
    const options = applyOptions(
      tagRotating,
      await file('c', ['l1', 'l2'], ['i1', 'i2', 'i3', 'i4'], ['t1', 't2', 't3']),
      { delete: true, confirmDelete: true },
    )
    const run = await planAndExecute(options, recorder())
    expect(run.report.failed).toBe(0)
    plan = run.plan
  })

  // With last-1 the build that steps aside in a rotation is retired in the same run.
  it('last-1: the build that steps aside is retired in the same run', async () => {
    expect(lines('Rot Last1')).toEqual([
      'import Rot Last1 (l2)',
      'rename Rot Last1 -> Rot Last1 (l1)',
      'rename Rot Last1 (l2) -> Rot Last1',
      'delete Rot Last1 (l1)',
    ])
    expect(await names('Rot Last1')).toEqual(['Rot Last1'])
  })

  // After a run interrupted between its import and its renames, the image called
  // `{name}` is older than a dated build: the newest builds by version stay (docs/behaviour.md §6).
  it('after an interrupted rotation the newest builds by version stay; the old current one goes', async () => {
    expect(lines('Rot Interrupted')).toEqual([
      'import Rot Interrupted (i4)',
      'rename Rot Interrupted -> Rot Interrupted (i2)',
      'rename Rot Interrupted (i4) -> Rot Interrupted',
      'delete Rot Interrupted (i2)',
      'delete Rot Interrupted (i1)',
    ])
    expect(await names('Rot Interrupted')).toEqual(['Rot Interrupted', 'Rot Interrupted (i3)'])
  })

  // Same root cause: the window counts the builds that exist plus the newest
  // one, not the other listed versions this run imports. With two versions
  // added at once, last-2 keeps the old current one besides the newest, the
  // middle version is imported as well, and three builds stay until a further
  // run (the `renamed` exclusion above also keeps the old current one).
  it('two versions added at once: one run leaves exactly the last two builds', async () => {
    expect(lines('Rot Twice')).toEqual([
      'import Rot Twice (t2)',
      'import Rot Twice (t3)',
      'rename Rot Twice -> Rot Twice (t1)',
      'rename Rot Twice (t3) -> Rot Twice',
      'delete Rot Twice (t1)',
    ])
    expect(await names('Rot Twice')).toEqual(['Rot Twice', 'Rot Twice (t2)'])
  })
})
