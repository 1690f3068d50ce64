// `command: plan` in the action: the plan's outputs and JSON file, and on a
// pull request the one sticky comment of the cloud.
import path from 'node:path'
import * as core from '@actions/core'
import { planCommand } from '../commands/plan.js'
import { escapeLog } from '../escape/log.js'
import { planCommandOptions } from '../options/plan.js'
import type { Plan } from '../plan/types.js'
import { getErrorMessage } from '../problems.js'
import type { Reporter } from '../reporter.js'
import type { ActionInputs } from './inputs.js'
import { applyOutputs, planOutputs, setOutputs } from './outputs.js'
import { publishPlanComment } from './plan-comment.js'

/** Where the plan JSON goes: the `out` input, else this step's folder. */
export const planJsonOf = (inputs: ActionInputs, dir: string): string =>
  (inputs.values.out as string | undefined) ?? path.join(dir, 'plan.json')

export const setPlanOutputs = (plan: Plan, planJson: string): void =>
  setOutputs({ ...planOutputs(plan), 'plan-json': planJson })

/** The comment is a courtesy: the plan is in the log and the summary anyway. */
async function comment(plan: Plan, token: string): Promise<void> {
  try {
    const posted = await publishPlanComment(plan, token)
    if (!posted) return
    if (posted.operation === 'stale') {
      core.notice(
        `No plan comment: this run planned ${posted.planned.slice(0, 7)}, but the pull request's ` +
          `head is now ${posted.head.slice(0, 7)}; the run for that commit writes the comment.`,
      )
      setOutputs({ comment: 'stale' })
      return
    }
    core.info(escapeLog(`Plan comment ${posted.operation}: ${posted.url}`))
    setOutputs({
      comment: posted.operation,
      'comment-id': String(posted.id),
      'comment-url': posted.url,
    })
  } catch (error) {
    core.warning(escapeLog(`Could not post the plan comment: ${getErrorMessage(error)}`))
  }
}

/** Returns the step's failure message, if it fails (only invalid definitions do). */
export async function runPlanAction(
  inputs: ActionInputs,
  reporter: Reporter,
  dir: string,
): Promise<string | undefined> {
  const planJson = planJsonOf(inputs, dir)
  const token = inputs.githubToken
  const commentOn = inputs.comment && token !== ''
  const code = await planCommand(
    {
      ...planCommandOptions({ ...inputs.values, out: planJson }),
      ...(inputs.cloudsYaml ? { cloudsYaml: inputs.cloudsYaml } : {}),
    },
    reporter,
    async (plan) => {
      setPlanOutputs(plan, planJson)
      setOutputs(applyOutputs(undefined))
      if (commentOn) await comment(plan, token)
    },
  )
  core.setOutput('result', code === 1 ? 'invalid' : 'planned')
  return code === 1 ? 'Image definitions are invalid: see the annotations.' : undefined
}
