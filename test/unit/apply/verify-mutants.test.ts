// The read-back after a run (src/apply/verify.ts) on its own: which
// definitions count as drift, after a failed step too, and the exact steps
// and words of what is run again and what is reported failed.
import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../../src/apply/outcome.js'
import { verify } from '../../../src/apply/verify.js'
import type { DefinitionPlan, Plan, Step } from '../../../src/plan/types.js'
import { recordingReporter } from '../../support/local-s3.js'

const rename: Step = { action: 'rename', image: { id: 'i1', name: 'A 1' }, to: 'A', reason: 'r' }
const update: Step = {
  action: 'update',
  image: { id: 'i2', name: 'B' },
  changes: [
    { field: 'property', key: 'os_distro', from: 'x', to: 'ubuntu' },
    { field: 'min_ram', from: 0, to: 512 },
  ],
  reason: 'r',
}
const hide: Step = { action: 'hide', image: { id: 'i3', name: 'C old' }, reason: 'r' }

const def = (name: string, steps: Step[], more: Partial<DefinitionPlan> = {}): DefinitionPlan => ({
  name,
  file: 'images.yml',
  line: 1,
  steps,
  retention: [],
  notes: [],
  ...more,
})

const plan = (...definitions: DefinitionPlan[]): Plan =>
  ({
    formatVersion: 2,
    generatedAt: '2026-01-01T00:00:00Z',
    cloud: 'the-cloud',
    definitions,
    orphans: [],
    findings: [],
  }) as unknown as Plan

const done = (definition: string, step: Step = rename): Outcome => ({
  definition,
  step,
  status: 'done',
})

/** replan answers the plans in turn; rerun records its plans and answers `answer`. */
function harness(plans: Plan[], answer: (p: Plan) => Outcome[] = () => []) {
  const replans = { count: 0 }
  const reruns: Plan[] = []
  const reporter = recordingReporter()
  const replan = async (): Promise<Plan> => plans[replans.count++] as Plan
  const rerun = async (p: Plan): Promise<Outcome[]> => {
    reruns.push(p)
    return answer(p)
  }
  return { replan, rerun, reporter, replans, reruns }
}

describe('verify: nothing left over', () => {
  it('a replan with no steps for the settled definitions: no rerun, no warning, nothing added', async () => {
    const h = harness([plan(def('A', []), def('B', []))])
    const out = await verify([done('A'), done('B')], h.replan, h.rerun, h.reporter)
    expect(out).toEqual([])
    expect(h.replans.count).toBe(1)
    expect(h.reruns).toEqual([])
    expect(h.reporter.warnings).toEqual([])
  })

  it('steps of a skipped definition, of one never run, or of one that failed are no drift', async () => {
    const h = harness([
      plan(
        def('A', [rename], { skipped: 'disabled' }),
        def('Never', [rename]),
        def('Failed', [update]),
        def('Half', [hide]),
        def('Ok', []),
      ),
    ])
    const outcomes: Outcome[] = [
      done('A'),
      { definition: 'Failed', step: update, status: 'failed', detail: 'x' },
      done('Half'),
      { definition: 'Half', step: hide, status: 'skipped', detail: 'y' },
      done('Ok'),
    ]
    expect(await verify(outcomes, h.replan, h.rerun, h.reporter)).toEqual([])
    expect(h.reruns).toEqual([])
    expect(h.reporter.warnings).toEqual([])
  })
})

describe('verify: a write that did not take', () => {
  it('reruns only the drifting settled definitions, the rest of the plan kept, and says so', async () => {
    const first = plan(
      def('A', [rename]),
      def('B', [update]),
      def('Quiet', []),
      def('Failed', [hide]),
    )
    const h = harness([first, plan(def('A', []), def('B', []))], () => [
      done('A'),
      { ...done('B', update), detail: 'its own words' },
    ])
    const outcomes: Outcome[] = [
      done('A'),
      done('B', update),
      done('Quiet'),
      { definition: 'Failed', step: hide, status: 'failed' },
    ]
    const out = await verify(outcomes, h.replan, h.rerun, h.reporter)
    expect(h.reruns).toEqual([{ ...first, definitions: [def('A', [rename]), def('B', [update])] }])
    expect(h.reporter.warnings).toEqual([
      'Glance does not hold all that was applied (A, B); running those steps once more',
    ])
    expect(out).toEqual([
      { ...done('A'), detail: 'run again: the first write did not take' },
      { ...done('B', update), detail: 'its own words' },
    ])
    expect(h.replans.count).toBe(2)
  })

  it('what still differs after the second run fails, named with the difference', async () => {
    const left = plan(def('A', [rename]), def('B', [update], { retention: [hide] }))
    const h = harness([left, left], () => [done('A'), done('B', update)])
    const out = await verify([done('A'), done('B', update)], h.replan, h.rerun, h.reporter)
    const failures = out.filter((o) => o.status === 'failed')
    expect(failures).toEqual([
      {
        definition: 'A',
        step: rename,
        status: 'failed',
        detail: 'reported done, but Glance still differs: rename A 1 → A',
      },
      {
        definition: 'B',
        step: update,
        status: 'failed',
        detail:
          'reported done, but Glance still differs: update B (os_distro: "x" → "ubuntu"; min_ram: 0 → 512)',
      },
      {
        definition: 'B',
        step: hide,
        status: 'failed',
        detail: 'reported done, but Glance still differs: hide C old',
      },
    ])
    expect(out.slice(0, 2).map((o) => o.status)).toEqual(['done', 'done'])
    expect(h.reporter.warnings.slice(1)).toEqual([
      'A: reported done, but Glance still differs: rename A 1 → A',
      'B: reported done, but Glance still differs: update B (os_distro: "x" → "ubuntu"; min_ram: 0 → 512)',
      'B: reported done, but Glance still differs: hide C old',
    ])
  })
})

describe('verify: retention', () => {
  it('after a clean run, retention still planned is drift: rerun with it, failed if it stays', async () => {
    const left = plan(def('A', [], { retention: [hide] }))
    const h = harness([left, left])
    const out = await verify([done('A')], h.replan, h.rerun, h.reporter)
    expect(h.reruns[0]?.definitions).toEqual([def('A', [], { retention: [hide] })])
    expect(out).toEqual([
      {
        definition: 'A',
        step: hide,
        status: 'failed',
        detail: 'reported done, but Glance still differs: hide C old',
      },
    ])
  })

  it('after a failed step retention did not run: its steps planned are no drift, for the settled too', async () => {
    const left = plan(def('A', [], { retention: [hide] }), def('B', [update]))
    const h = harness([left])
    const outcomes: Outcome[] = [done('A'), { definition: 'B', step: update, status: 'failed' }]
    expect(await verify(outcomes, h.replan, h.rerun, h.reporter)).toEqual([])
    expect(h.reruns).toEqual([])
  })

  it('after a failed step a settled drift reruns without its retention, and fails without it', async () => {
    const left = plan(def('A', [rename], { retention: [hide] }), def('B', [update]))
    const h = harness([left, left])
    const outcomes: Outcome[] = [done('A'), { definition: 'B', step: update, status: 'failed' }]
    const out = await verify(outcomes, h.replan, h.rerun, h.reporter)
    expect(h.reruns[0]?.definitions).toEqual([def('A', [rename])])
    expect(out.map((o) => [o.definition, o.step.action, o.status])).toEqual([
      ['A', 'rename', 'failed'],
    ])
  })
})
