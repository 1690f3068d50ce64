// The plan as ONE sticky pull request comment per cloud, edited on every run.
import * as github from '@actions/github'
import type { Plan } from '../plan/types.js'
import { renderMarkdown } from '../plan/render-markdown.js'
import { tokenIdentity } from '../github/identity.js'
import { createGitHubClient } from '../github/octokit.js'
import {
  pullRequestFromContext,
  upsertStickyComment,
  type StickyCommentResult,
} from '../github/sticky-comment.js'

/**
 * The hidden marker of a cloud's comment. The cloud name is percent-encoded
 * outside `[A-Za-z0-9._-]` and in every `-` after a `-`, so no name can end the
 * HTML comment or break the line, and two names never share a marker.
 */
export const planMarker = (cloud: string | undefined): string => {
  const encode = (c: string): string =>
    [...Buffer.from(c, 'utf8')]
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('')
  const name = (cloud ?? 'default').replace(/[^A-Za-z0-9._-]|(?<=-)-/gu, encode)
  return `<!-- image-manager-plan:${name} -->`
}

/** Posts or edits the plan comment; null outside a pull request. */
export async function publishPlanComment(
  plan: Plan,
  token: string,
): Promise<StickyCommentResult | null> {
  const target = pullRequestFromContext(github.context)
  if (!target) return null
  const client = createGitHubClient({ token })
  return upsertStickyComment(client, {
    ...target,
    self: await tokenIdentity(client),
    marker: planMarker(plan.cloud),
    body: renderMarkdown(plan, { stable: true }),
  })
}
