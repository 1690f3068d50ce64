// The plan as ONE sticky pull request comment per cloud, edited on every run.
import * as github from '@actions/github'
import type { Plan } from '../plan/types.js'
import { renderMarkdown } from '../plan/render-markdown.js'
import { createGitHubClient } from './octokit.js'
import {
  pullRequestFromContext,
  upsertStickyComment,
  type StickyCommentResult,
} from './sticky-comment.js'

export const planMarker = (cloud: string | undefined): string =>
  `<!-- image-manager-plan:${(cloud ?? 'default').replace(/--/g, '-')} -->`

/** Posts or edits the plan comment; null outside a pull request. */
export async function publishPlanComment(
  plan: Plan,
  token: string,
): Promise<StickyCommentResult | null> {
  const target = pullRequestFromContext(github.context)
  if (!target) return null
  return upsertStickyComment(createGitHubClient({ token }), {
    ...target,
    marker: planMarker(plan.cloud),
    body: renderMarkdown(plan),
  })
}
