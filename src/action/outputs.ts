// The action's outputs beyond `result`: counts a workflow can branch on, and
// where the plan and the report were written.
import * as core from '@actions/core'
import type { ApplyReport } from '../apply/executor.js'
import { safeJson } from '../escape/json.js'
import type { BumpRunResult } from '../update/bump-run.js'
import type { Plan } from '../plan/types.js'

/** Every output the action sets; action.yml declares exactly these (a test checks). */
export const OUTPUT_NAMES = [
  'result',
  'has-changes',
  'changes',
  'imports',
  'renames',
  'updates',
  'retirements',
  'applied',
  'failed',
  'plan-json',
  'report-markdown',
  'comment',
  'comment-id',
  'comment-url',
  'findings',
  'issue',
  'issue-number',
  'issue-url',
  'newer-builds',
  'pull-requests-created',
  'pull-requests-updated',
  'pull-requests-closed',
  'pull-requests',
  'errors',
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Partial<Record<OutputName, string>>

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/**
 * Counts of a plan: imports, renames, updates (property, tag, visibility and
 * status repairs) and retirements (the retention steps: hide, deactivate,
 * delete). Together they are every step apply would run.
 */
export function planOutputs(plan: Plan): Outputs {
  let imports = 0
  let renames = 0
  let updates = 0
  let retirements = 0
  for (const definition of plan.definitions) {
    for (const step of definition.steps) {
      if (step.action === 'import') imports++
      else if (step.action === 'rename') renames++
      else updates++
    }
    retirements += definition.retention.length
  }
  const changes = imports + renames + updates + retirements
  return {
    'has-changes': String(changes > 0),
    changes: String(changes),
    imports: String(imports),
    renames: String(renames),
    updates: String(updates),
    retirements: String(retirements),
  }
}

/** Steps apply ran (`applied`) and those that failed; none for a plan or a dry run. */
export function applyOutputs(report: ApplyReport | undefined): Outputs {
  const count = (status: string): number =>
    report?.outcomes.filter((o) => o.status === status).length ?? 0
  return { applied: String(count('done')), failed: String(count('failed')) }
}

/**
 * What `update` found and did: builds newer than the catalog's, bump pull
 * requests by outcome (numbers, and all of them as JSON), and errors (upstreams
 * that could not be read, pull requests that could not be kept, builds a
 * configured mirror failed for).
 */
export function bumpOutputs(run: BumpRunResult): Outputs {
  const count = (operation: string): number =>
    run.results.filter((r) => r.operation === operation).length
  const failedChecks = run.statuses.filter((s) => s.status === 'error').length
  return {
    'newer-builds': String(run.statuses.filter((s) => s.status === 'newer').length),
    'pull-requests-created': String(count('created')),
    'pull-requests-updated': String(count('updated')),
    'pull-requests-closed': String(count('closed')),
    'pull-requests': safeJson(run.results, { compact: true }),
    errors: String(failedChecks + count('failed') + (run.mirrorFailed ?? 0)),
  }
}
