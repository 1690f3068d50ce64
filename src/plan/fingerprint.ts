// A plan's steps in canonical form, their digest, and the difference between
// two step lists: what ties a reviewed plan to the one a merge or a saved plan runs.
import { createHash } from 'node:crypto'
import { describeChange } from './describe.js'
import type { Plan, Step } from './types.js'

/** What a step does, in words that are the same for the same step in any run. */
function stepLine(definition: string, step: Step): string {
  const image = `${step.image.name}${step.image.id ? ` [${step.image.id}]` : ''}`
  const head = `${definition}: ${step.action} ${image}`
  switch (step.action) {
    case 'import':
      return `${head} from ${step.source}${step.checksum ? ` (${step.checksum})` : ''}, ${step.verification}, as ${step.then.visibility}`
    case 'rename':
      return `${head} → ${step.to}`
    case 'update':
      return `${head}: ${step.changes.map(describeChange).join('; ')}`
    default:
      return head
  }
}

/** Every step of the plan, in plan order, one line each. */
export const stepLines = (plan: Plan): string[] =>
  plan.definitions.flatMap((d) => [...d.steps, ...d.retention].map((s) => stepLine(d.name, s)))

/** `sha256:<hex>` of the cloud and its step lines: equal digests, equal steps. */
export const planDigest = (plan: Plan): string => stepsDigest(plan.cloud ?? null, stepLines(plan))

/** The digest of step lines kept elsewhere (a comment, a file): the same as {@link planDigest}. */
export function stepsDigest(cloud: string | null, steps: readonly string[]): string {
  const canonical = JSON.stringify({ cloud, steps })
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`
}

export interface StepDifference {
  /** Steps planned now that the other plan did not have. */
  added: string[]
  /** Steps of the other plan not planned now (done meanwhile, or no longer needed). */
  gone: string[]
}

/** The steps of `now` not in `before` and the other way round, counted as multisets. */
export function compareSteps(before: readonly string[], now: readonly string[]): StepDifference {
  const without = (from: readonly string[], minus: readonly string[]): string[] => {
    const left = new Map<string, number>()
    for (const line of minus) left.set(line, (left.get(line) ?? 0) + 1)
    return from.filter((line) => {
      const n = left.get(line) ?? 0
      if (n > 0) left.set(line, n - 1)
      return n === 0
    })
  }
  return { added: without(now, before), gone: without(before, now) }
}

export const sameSteps = (d: StepDifference): boolean => d.added.length + d.gone.length === 0
