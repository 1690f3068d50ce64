// `apply`: make Glance match the catalog by running exactly the plan.
import { execute, type ApplyReport } from '../apply/executor.js'
import { markdownBlock } from '../escape/markdown.js'
import { renderMarkdown } from '../plan/render-markdown.js'
import { renderTerminal } from '../plan/render-terminal.js'
import { escapeLogValue as v } from '../escape/log.js'
import type { Plan } from '../plan/types.js'
import type { Reporter } from '../reporter.js'
import { openPlanSession, type PlanCommandOptions, type PlanSession } from './plan.js'
import {
  checkGivenOptions,
  openSavedPlanSession,
  readSavedPlan,
  type GivenShape,
} from './saved-plan.js'

export interface ApplyCommandOptions extends PlanCommandOptions {
  /** Print the plan only. */
  dryRun: boolean
  /** Definitions worked on at once. */
  concurrency: number
  /** Seconds one import may take. */
  importTimeoutSeconds: number
  /** `--plan FILE`: run this saved plan instead of planning anew (saved-plan.ts). */
  planFile?: string
  /** With planFile: the plan-shaping options given on the command line. */
  givenShape?: GivenShape
  /**
   * Asked with the plan before anything runs (not for a dry run): a refusal
   * (its message) stops apply with exit code 1, the cloud untouched.
   */
  approve?: (plan: Plan) => Promise<string | undefined>
}

/** The plan session: a saved plan's, checked against the cloud, or a fresh one. */
async function openSession(options: ApplyCommandOptions, reporter: Reporter): Promise<PlanSession> {
  // An import that has not moved for longer than one may take is a leftover to redo.
  const planOptions = { ...options, importTimeoutMs: options.importTimeoutSeconds * 1000 }
  if (!options.planFile) return openPlanSession(planOptions, reporter)
  const saved = await readSavedPlan(options.planFile)
  checkGivenOptions(saved, options.givenShape ?? {})
  return openSavedPlanSession(saved, planOptions, reporter)
}

/** Lines whose values are escaped (`v`): printed with `preEscaped`. */
export function renderReport(report: ApplyReport): string {
  const count = (status: string): number =>
    report.outcomes.filter((o) => o.status === status).length
  const retried = report.outcomes.filter((o) => o.status === 'done' && o.detail).length
  const lines = [
    `Applied: ${count('done') - retried} done, ${count('failed')} failed, ${count('skipped')} skipped${retried ? `, ${retried} run again after Glance dropped a write` : ''}.`,
  ]
  for (const o of report.outcomes.filter((x) => x.status !== 'done' || x.detail)) {
    lines.push(
      `  ${o.status === 'failed' ? '✗' : o.status === 'done' ? '↻' : '-'} ${v(o.definition)}: ${o.step.action} ${v(o.step.image.name)}: ${v(o.detail ?? '')}`,
    )
  }
  if (count('failed') > 0) {
    lines.push(
      'Nothing that depends on a failed step ran. Fix the cause and run apply again: it converges.',
    )
  }
  return lines.join('\n')
}

/** Exit code: 0 all done, 1 invalid definitions or a failed step, 2 configuration. */
/** `done` receives the plan and what apply did (no report for a dry run): the action's outputs. */
export async function applyCommand(
  options: ApplyCommandOptions,
  reporter: Reporter,
  done?: (plan: Plan, report?: ApplyReport) => Promise<void>,
): Promise<number> {
  const outcome = await openSession(options, reporter)
  if (outcome.exitCode !== 0) return outcome.exitCode
  const { plan, glance, upstream, replan } = outcome
  reporter.info(renderTerminal(plan, options.color ?? false), { preEscaped: true })
  if (options.dryRun) {
    await reporter.summary(renderMarkdown(plan))
    await done?.(plan)
    return 0
  }
  const refusal = await options.approve?.(plan)
  if (refusal !== undefined) {
    reporter.warning(refusal)
    await done?.(plan)
    return 1
  }
  const report = await execute(plan, {
    glance,
    upstream,
    reporter,
    concurrency: options.concurrency,
    importTimeoutMs: options.importTimeoutSeconds * 1000,
    replan,
  })
  const text = renderReport(report)
  reporter.info(text, { preEscaped: true })
  await reporter.summary(`${renderMarkdown(plan)}\n\n${markdownBlock(text)}`)
  await done?.(plan, report)
  return report.failed > 0 ? 1 : 0
}
