// On a push to the default branch: the plan the merged pull request's comment
// recorded for this cloud, compared step by step with the plan made now.
import type { ApplyReport } from '../apply/executor.js'
import { escapeMarkdown as text, markdownCode as code, markdownLink } from '../escape/markdown.js'
import type { GitHubClient, RepositoryRef } from '../github/octokit.js'
import { tokenIdentity } from '../github/identity.js'
import { mergedPullRequestOf, type PullRequestHead } from '../github/pull-requests.js'
import { findStickyComment } from '../github/sticky-comment.js'
import { compareSteps, planDigest, stepLines, type StepDifference } from '../plan/fingerprint.js'
import type { Plan } from '../plan/types.js'
import { planMarker } from './plan-comment.js'
import { readRecord, type PlanRecord } from './plan-record.js'

export const REVIEWED_PLAN_MODES = ['report', 'require'] as const
export type ReviewedPlanMode = (typeof REVIEWED_PLAN_MODES)[number]

export interface Reviewed {
  /** The merged pull request the pushed commit came with. */
  pull: PullRequestHead | null
  record: PlanRecord | null
  /** Why there is no reviewed plan to compare with. */
  missing?: string
}

const short = (sha: string): string => sha.slice(0, 7)

/** The merged pull request of `sha` and the plan record of `cloud` in its plan comment. */
export async function findReviewedPlan(
  client: GitHubClient,
  repo: RepositoryRef,
  sha: string,
  cloud: string | undefined,
): Promise<Reviewed> {
  const pull = await mergedPullRequestOf(client, repo, sha)
  if (!pull) return { pull, record: null, missing: `commit ${short(sha)} has no pull request` }
  const target = { ...repo, issueNumber: pull.number }
  const comment = await findStickyComment(
    client,
    target,
    planMarker(cloud),
    await tokenIdentity(client),
  )
  if (!comment) {
    const missing = `pull request #${pull.number} has no plan comment for this cloud (merged before its plan was posted?)`
    return { pull, record: null, missing }
  }
  const record = readRecord(comment.body)
  if ('problem' in record)
    return { pull, record: null, missing: `${record.problem} on #${pull.number}` }
  return { pull, record }
}

export interface Verdict {
  reviewed: Reviewed
  /** Added and gone steps; undefined without a record, or when it kept only the digest and that differs. */
  difference?: StepDifference
  /** The plan now is the reviewed one, for the head the pull request was merged with. */
  asReviewed: boolean
  /** The record is for another commit than the merged head. */
  otherCommit: boolean
}

export function compareWithReviewed(reviewed: Reviewed, plan: Plan): Verdict {
  const { record, pull } = reviewed
  if (!record) return { reviewed, asReviewed: false, otherCommit: false }
  const sameDigest = planDigest(plan) === record.digest
  const difference = record.steps
    ? compareSteps(record.steps, stepLines(plan))
    : sameDigest
      ? { added: [], gone: [] }
      : undefined
  const otherCommit = pull !== null && pull.headSha !== record.commit
  return { reviewed, difference, asReviewed: sameDigest && !otherCommit, otherCommit }
}

const stepList = (title: string, lines: string[]): string[] =>
  lines.length
    ? [`**${title}** (${lines.length}):`, '', ...lines.map((l) => `- ${code(l)}`), '']
    : []

/** The verdict in Markdown: for the job summary and the pull request. */
export function verdictMarkdown(verdict: Verdict): string[] {
  const { record, missing } = verdict.reviewed
  if (!record) return [`**No reviewed plan**: ${text(missing ?? 'none found')}.`, '']
  const at = `commit <code>${short(record.commit)}</code>, cloud read at ${text(record.readAt)}`
  if (verdict.asReviewed)
    return [`**As reviewed**: the plan of ${at} (${code(record.digest)}).`, '']
  const lines = [`**Not as reviewed**: the plan differs from the one of ${at}.`, '']
  const head = verdict.reviewed.pull?.headSha
  if (verdict.otherCommit && head)
    lines.push(
      `The pull request was merged at <code>${short(head)}</code>, whose plan was never posted.`,
      '',
    )
  if (!verdict.difference)
    lines.push('The comment kept only the digest (too many steps): the steps cannot be listed.', '')
  else {
    lines.push(...stepList('Added, not reviewed', verdict.difference.added))
    lines.push(...stepList('Gone: already done or no longer needed', verdict.difference.gone))
  }
  return lines
}

/** The verdict in one line for the log (the reporter escapes it). */
export function verdictText(verdict: Verdict): string {
  const { record, missing } = verdict.reviewed
  if (!record) return `No reviewed plan: ${missing ?? 'none found'}.`
  if (verdict.asReviewed) return `As reviewed: the plan of commit ${short(record.commit)}.`
  const d = verdict.difference
  const counts = d ? `${d.added.length} step(s) added, ${d.gone.length} gone` : 'the digests differ'
  return `Not as reviewed (the plan of commit ${short(record.commit)}): ${counts}.`
}

/** Under `require`, why nothing may run; undefined when the plan is the reviewed one. */
export function refusal(verdict: Verdict, mode: ReviewedPlanMode): string | undefined {
  if (mode !== 'require' || verdict.asReviewed) return undefined
  const why = verdict.reviewed.record
    ? 'the plan differs from the reviewed one'
    : `there is no reviewed plan (${verdict.reviewed.missing ?? 'none found'})`
  return (
    `Nothing applied: reviewed-plan is require and ${why}. To apply, open a new pull request ` +
    '(its plan is then reviewed), or run the workflow by hand (workflow_dispatch), which applies ' +
    'without a reviewed plan.'
  )
}

/** How the merge applied, for the one apply comment of the cloud on the merged pull request. */
export function applyCommentMarkdown(
  cloud: string | undefined,
  verdict: Verdict,
  outcome: { report?: ApplyReport; refused?: string },
  runUrl: string,
): string {
  const where = cloud ? ` for cloud ${code(cloud)}` : ''
  const count = (status: string): number =>
    outcome.report?.outcomes.filter((o) => o.status === status).length ?? 0
  const head = outcome.refused
    ? `### Apply${where}: nothing applied`
    : `### Apply${where}: ${count('done')} done, ${count('failed')} failed, ${count('skipped')} skipped`
  const lines = [head, '', ...verdictMarkdown(verdict)]
  if (outcome.refused) lines.push(text(outcome.refused), '')
  lines.push(markdownLink('The run', runUrl))
  return lines.join('\n')
}
