// The plan as ONE sticky pull request comment per cloud, edited on every run:
// it names the commit planned and records the plan for the merge to compare.
import path from 'node:path'
import * as github from '@actions/github'
import { urlPath } from '../escape/markdown.js'
import type { Plan } from '../plan/types.js'
import { renderMarkdown, type PlanSource } from '../plan/render-markdown.js'
import { tokenIdentity } from '../github/identity.js'
import { createGitHubClient } from '../github/octokit.js'
import { getPullRequestHead } from '../github/pull-requests.js'
import {
  pullRequestFromContext,
  upsertStickyComment,
  type StickyCommentResult,
} from '../github/sticky-comment.js'
import { planRecord, recordLine } from './plan-record.js'

/**
 * The hidden marker of a cloud's comment (or issue) of one kind. The cloud name is
 * percent-encoded outside `[A-Za-z0-9._-]` and in every `-` after a `-`, so no
 * name can end the HTML comment or break the line, and two names never share a marker.
 */
export const cloudMarker = (
  kind: 'plan' | 'apply' | 'check',
  cloud: string | undefined,
): string => {
  const encode = (c: string): string =>
    [...Buffer.from(c, 'utf8')]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('')
  const name = (cloud ?? 'default').replace(/[^A-Za-z0-9._-]|(?<=-)-/gu, encode)
  return `<!-- image-manager-${kind}:${name} -->`
}

/** The marker of a cloud's plan comment. */
export const planMarker = (cloud: string | undefined): string => cloudMarker('plan', cloud)

/** The marker of a cloud's comment on how the merge applied. */
export const applyMarker = (cloud: string | undefined): string => cloudMarker('apply', cloud)

/** A definition file as a path in the repository, or undefined outside the workspace. */
function repositoryPath(file: string): string | undefined {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const relative = path.relative(workspace, path.resolve(workspace, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

/** Links into the repository on github.com (or the server the run is on) at `commit`. */
export function planSource(
  server: string,
  repo: { owner: string; repo: string },
  commit: string,
): PlanSource {
  const base = `${server.replace(/\/$/, '')}/${urlPath(repo.owner)}/${urlPath(repo.repo)}`
  return {
    commit,
    commitUrl: `${base}/commit/${commit}`,
    lineUrl: (file, line) => {
      const at = repositoryPath(file)
      return at === undefined ? undefined : `${base}/blob/${commit}/${urlPath(at)}#L${line}`
    },
  }
}

/** The comment's body below the marker: the plan record, then the plan. */
export const planCommentBody = (plan: Plan, source: PlanSource): string =>
  `${recordLine(planRecord(plan, source.commit))}\n${renderMarkdown(plan, { stable: true, source })}`

/** A run for a head the pull request has moved past: it writes nothing. */
export interface StalePlan {
  operation: 'stale'
  planned: string
  head: string
}

/**
 * Posts or edits the plan comment; null outside a pull request. A run whose
 * head is no longer the pull request's writes nothing: the newer run will.
 */
export async function publishPlanComment(
  plan: Plan,
  token: string,
): Promise<StickyCommentResult | StalePlan | null> {
  const { context } = github
  const target = pullRequestFromContext(context)
  if (!target) return null
  const planned = (context.payload.pull_request as { head?: { sha?: unknown } }).head?.sha
  if (typeof planned !== 'string' || !/^[0-9a-f]{40}$/.test(planned))
    throw new Error('the pull_request event carries no head SHA')
  const client = createGitHubClient({ token })
  const { headSha } = await getPullRequestHead(client, target, target.issueNumber)
  if (headSha !== planned) return { operation: 'stale', planned, head: headSha }
  return upsertStickyComment(client, {
    ...target,
    self: await tokenIdentity(client),
    marker: planMarker(plan.cloud),
    body: planCommentBody(plan, planSource(context.serverUrl, target, planned)),
  })
}
