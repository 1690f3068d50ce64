// One comment per marker on a pull request: found by a hidden HTML comment on
// its first line among the token's own comments, created once, then edited in
// place (only when it changed). Nobody else's comment is ever edited.
import { unexpectedReply } from './errors.js'
import type { Identity } from './identity.js'
import { authorOf, findMarked, sameText } from './marked.js'
import {
  pages,
  PER_PAGE,
  requestOn,
  type GitHubClient,
  type GitHubParams,
  type GitHubResponse,
} from './octokit.js'

export type { GitHubClient } from './octokit.js'

/** GitHub rejects longer comment bodies ("body is too long (maximum is 65536 characters)"). */
export const COMMENT_BODY_LIMIT = 65_536
export const TRUNCATION_NOTE = '… plan truncated: see the job summary / artifact'

export interface PullRequestRef {
  owner: string
  repo: string
  issueNumber: number
}

export interface StickyCommentOptions extends PullRequestRef {
  /** A one-line hidden HTML comment, e.g. `<!-- image-manager-plan:cloud-name -->`. */
  marker: string
  /** Markdown; the marker is put on the first line when the body does not start with it. */
  body: string
  /** Replaces {@link TRUNCATION_NOTE} at the end of a body cut to the limit. */
  truncationNote?: string
  /** Whom the token writes as (`tokenIdentity`): only its comment is edited. */
  self: Identity
}

export type StickyOperation = 'created' | 'updated' | 'unchanged'

export interface StickyCommentResult {
  operation: StickyOperation
  id: number
  /** The comment on github.com (`html_url`). */
  url: string
}

/** The parts of an issue comment this module reads. */
export interface StickyComment {
  id: number
  /** `html_url` */
  url: string
  body: string
  /** The author's login. */
  author: string
}

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'

export async function upsertStickyComment(
  client: GitHubClient,
  options: StickyCommentOptions,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = options
  const body = stickyBody(marker, options.body, options.truncationNote)
  const target = { owner, repo, issueNumber }
  const existing = await findStickyComment(client, target, marker, options.self)
  if (existing === null) {
    const response = await call(client, CREATE, target, { issue_number: issueNumber, body })
    return { operation: 'created', ...idAndUrl(response) }
  }
  if (sameText(existing.body, body)) {
    return { operation: 'unchanged', id: existing.id, url: existing.url }
  }
  const response = await call(client, UPDATE, target, { comment_id: existing.id, body })
  return { operation: 'updated', ...idAndUrl(response) }
}

/**
 * The comment carrying `marker` that `self` wrote (the first of them); `null`
 * when there is none. Anyone else's comment with the marker, and duplicates,
 * are left alone.
 */
export async function findStickyComment(
  client: GitHubClient,
  target: PullRequestRef,
  marker: string,
  self: Identity,
): Promise<StickyComment | null> {
  checkMarker(marker)
  return findMarked(comments(client, target), marker, self)
}

/** The pull request's comments, in ascending id order, read page by page as needed. */
async function* comments(
  client: GitHubClient,
  target: PullRequestRef,
): AsyncGenerator<StickyComment> {
  const listing = pages(
    (page) =>
      call(client, LIST, target, { issue_number: target.issueNumber, per_page: PER_PAGE, page }),
    (data) => unexpectedReply(LIST, 'a JSON array', data),
  )
  for await (const page of listing) for (const item of page) yield parseComment(LIST, item)
}

/** The body as posted: marker on the first line, cut to GitHub's limit with a note. */
export function stickyBody(marker: string, body: string, note = TRUNCATION_NOTE): string {
  checkMarker(marker)
  const full = body.startsWith(marker) ? body : `${marker}\n${body}`
  return truncate(full, COMMENT_BODY_LIMIT, note)
}

/**
 * Cuts `text` at a line end so that, with the note and whatever closes an open
 * code fence or `<details>`, it fits in `limit` UTF-16 code units (never more
 * characters than GitHub counts).
 */
export function truncate(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text
  const tail = `\n\n**${note}**`
  for (let budget = limit - tail.length; budget > 0; budget -= 64) {
    let kept = text.slice(0, budget)
    const lineEnd = kept.lastIndexOf('\n')
    if (lineEnd > budget / 2) kept = kept.slice(0, lineEnd)
    else if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1)
    const result = kept + closers(kept) + tail
    if (result.length <= limit) return result
  }
  return tail.trimStart().slice(0, limit)
}

/** What a cut needs appended so the note is not swallowed by an open fence or `<details>`. */
function closers(kept: string): string {
  let fence: string | null = null
  for (const line of kept.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (match === null) continue
    const mark = match[1] as string
    if (fence === null) fence = mark
    else if (mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark)
      fence = null
  }
  const openDetails =
    (kept.match(/<details\b/gi)?.length ?? 0) - (kept.match(/<\/details>/gi)?.length ?? 0)
  return (fence === null ? '' : `\n${fence}`) + '\n</details>'.repeat(Math.max(0, openDetails))
}

function checkMarker(marker: string): void {
  if (!/^<!--(?:(?!-->)[^\n])*-->$/.test(marker)) {
    throw new Error(
      `Invalid comment marker '${marker}'; expected a one-line hidden HTML comment such as '<!-- image-manager-plan:cloud-name -->'`,
    )
  }
}

function parseComment(route: string, data: unknown): StickyComment {
  const item = data as { id?: unknown; html_url?: unknown; body?: unknown; user?: unknown }
  if (typeof item?.id !== 'number' || typeof item.html_url !== 'string') {
    throw unexpectedReply(route, 'an issue comment', data)
  }
  const body = typeof item.body === 'string' ? item.body : ''
  return { id: item.id, url: item.html_url, body, author: authorOf(item.user) }
}

function idAndUrl(response: GitHubResponse): { id: number; url: string } {
  const { id, url } = parseComment('comment', response.data)
  return { id, url }
}

function call(
  client: GitHubClient,
  route: string,
  target: PullRequestRef,
  params: GitHubParams,
): Promise<GitHubResponse> {
  const where = `${target.owner}/${target.repo}#${target.issueNumber}`
  return requestOn(client, route, { ...target, where, access: 'comments' }, params)
}

/** Where a pull request event points; `null` for any other event. */
export interface PullRequestContext {
  eventName: string
  payload: { pull_request?: { number?: unknown }; [key: string]: unknown }
  repo: { owner: string; repo: string }
}

export function pullRequestFromContext(context: PullRequestContext): PullRequestRef | null {
  if (context.eventName !== 'pull_request' && context.eventName !== 'pull_request_target') {
    return null
  }
  const number = context.payload.pull_request?.number
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return null
  const { owner, repo } = context.repo
  return { owner, repo, issueNumber: number }
}
