// Reading back: after a run that changed anything, the plan is made anew from
// a fresh listing. A definition whose steps all reported done must now plan
// nothing; what it still plans did not take (Glance can drop a write, see
// wait.ts). Those steps run once more; what differs after that is a failure,
// named with the difference, never "done".
import { describeChange, describeStep } from '../plan/describe.js'
import type { DefinitionPlan, Plan, Step } from '../plan/types.js'
import type { Reporter } from '../reporter.js'
import type { Outcome } from './outcome.js'

function stepText(step: Step): string {
  const what = `${step.action} ${describeStep(step)}`
  return step.action === 'update'
    ? `${what} (${step.changes.map(describeChange).join('; ')})`
    : what
}

/** Definitions that reported only done and still plan changes. */
function leftOver(plan: Plan, settled: ReadonlySet<string>, withRetention: boolean): Plan {
  const definitions = plan.definitions
    .filter((d) => !d.skipped && settled.has(d.name))
    .map((d): DefinitionPlan => (withRetention ? d : { ...d, retention: [] }))
    .filter((d) => d.steps.length + d.retention.length > 0)
  return { ...plan, definitions }
}

export async function verify(
  outcomes: readonly Outcome[],
  replan: () => Promise<Plan>,
  rerun: (plan: Plan) => Promise<Outcome[]>,
  reporter: Reporter,
): Promise<Outcome[]> {
  const unsettled = new Set(outcomes.filter((o) => o.status !== 'done').map((o) => o.definition))
  const settled = new Set(
    outcomes.filter((o) => !unsettled.has(o.definition)).map((o) => o.definition),
  )
  // After a failure retention did not run: its steps still being planned is no drift.
  const withRetention = unsettled.size === 0
  const drift = leftOver(await replan(), settled, withRetention)
  if (drift.definitions.length === 0) return []
  reporter.warning(
    `Glance does not hold all that was applied (${drift.definitions.map((d) => d.name).join(', ')}); running those steps once more`,
  )
  const retried = (await rerun(drift)).map((o) => ({
    ...o,
    detail: o.detail ?? 'run again: the first write did not take',
  }))
  const still = leftOver(await replan(), settled, withRetention)
  const failures = still.definitions.flatMap((d) =>
    [...d.steps, ...d.retention].map((step): Outcome => ({
      definition: d.name,
      step,
      status: 'failed',
      detail: `reported done, but Glance still differs: ${stepText(step)}`,
    })),
  )
  for (const f of failures) reporter.warning(`${f.definition}: ${f.detail}`)
  return [...retried, ...failures]
}
