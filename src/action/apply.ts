// `command: apply` in the action: exactly the plan, with the plan's and the
// run's counts as outputs. On a push, the plan is first compared with the one
// reviewed on the merged pull request, and the pull request hears how it went.
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { ApplyReport } from '../apply/executor.js'
import { applyCommand } from '../commands/apply.js'
import { writePlanJson } from '../commands/plan.js'
import { escapeLog } from '../escape/log.js'
import { tokenIdentity } from '../github/identity.js'
import { createGitHubClient, type GitHubClient } from '../github/octokit.js'
import { upsertStickyComment } from '../github/sticky-comment.js'
import { applyCommandOptions } from '../options/plan.js'
import type { Plan } from '../plan/types.js'
import { getErrorMessage } from '../problems.js'
import type { Reporter } from '../reporter.js'
import type { ActionInputs } from './inputs.js'
import { applyOutputs, setOutputs } from './outputs.js'
import { applyMarker } from './plan-comment.js'
import { planJsonOf, setPlanOutputs } from './plan.js'
import {
  applyCommentMarkdown,
  compareWithReviewed,
  findReviewedPlan,
  refusal,
  verdictMarkdown,
  verdictText,
  type Reviewed,
  type Verdict,
} from './reviewed-plan.js'

/** What the comparison with the reviewed plan decided, for the comment afterwards. */
interface Review {
  /** One client for the run, so whom the token writes as is asked once. */
  client?: GitHubClient
  verdict?: Verdict
  refused?: string
}

/** The reviewed plan of the pushed commit; GitHub's failure is "no reviewed plan", said why. */
async function reviewed(client: GitHubClient | undefined, plan: Plan): Promise<Reviewed> {
  if (!client) return { pull: null, record: null, missing: 'no github-token to read it with' }
  const { context } = github
  try {
    return await findReviewedPlan(client, context.repo, context.sha, plan.cloud)
  } catch (error) {
    return { pull: null, record: null, missing: `could not read it: ${getErrorMessage(error)}` }
  }
}

/** Compares before anything runs: the summary says how; under `require` a difference refuses. */
function approver(inputs: ActionInputs, reporter: Reporter, review: Review) {
  return async (plan: Plan): Promise<string | undefined> => {
    const verdict = compareWithReviewed(await reviewed(review.client, plan), plan)
    review.verdict = verdict
    review.refused = refusal(verdict, inputs.reviewedPlan)
    reporter.info(verdictText(verdict))
    await reporter.summary(verdictMarkdown(verdict).join('\n'))
    return review.refused
  }
}

/** One comment per cloud on the merged pull request; re-runs edit it. A courtesy: warns on failure. */
async function tellPullRequest(
  inputs: ActionInputs,
  plan: Plan | undefined,
  review: Review,
  report: ApplyReport | undefined,
): Promise<void> {
  const pull = review.verdict?.reviewed.pull
  const client = review.client
  if (!review.verdict || !pull || !inputs.comment || !client) return
  const { context } = github
  const runUrl = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`
  const cloud = plan?.cloud
  try {
    const posted = await upsertStickyComment(client, {
      ...context.repo,
      self: await tokenIdentity(client),
      issueNumber: pull.number,
      marker: applyMarker(cloud),
      body: applyCommentMarkdown(
        cloud,
        review.verdict,
        { ...(report ? { report } : {}), ...(review.refused ? { refused: review.refused } : {}) },
        runUrl,
      ),
    })
    core.info(escapeLog(`Apply comment ${posted.operation}: ${posted.url}`))
  } catch (error) {
    core.warning(escapeLog(`Could not comment on #${pull.number}: ${getErrorMessage(error)}`))
  }
}

/** Returns the step's failure message, if it fails. */
export async function runApplyAction(
  inputs: ActionInputs,
  reporter: Reporter,
  dir: string,
): Promise<string | undefined> {
  const planJson = planJsonOf(inputs, dir)
  // Scheduled runs repair drift and are compared with nothing.
  const review: Review | undefined =
    github.context.eventName !== 'push'
      ? undefined
      : inputs.githubToken === ''
        ? {}
        : { client: createGitHubClient({ token: inputs.githubToken }) }
  let planned: Plan | undefined
  let applied: ApplyReport | undefined
  const code = await applyCommand(
    {
      ...applyCommandOptions(inputs.values),
      ...(inputs.cloudsYaml ? { cloudsYaml: inputs.cloudsYaml } : {}),
      ...(review ? { approve: approver(inputs, reporter, review) } : {}),
    },
    reporter,
    async (plan, report) => {
      planned = plan
      applied = report
      await writePlanJson(planJson, plan)
      setPlanOutputs(plan, planJson)
      setOutputs(applyOutputs(report))
    },
  )
  if (review) await tellPullRequest(inputs, planned, review, applied)
  if (review?.refused) {
    core.setOutput('result', 'refused')
    return review.refused
  }
  core.setOutput('result', code === 0 ? 'applied' : code === 1 ? 'failed' : 'error')
  return code === 0 ? undefined : 'apply did not complete: see the report above.'
}
