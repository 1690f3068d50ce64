// One tracking issue per marker in a repository: found among the open issues
// the token's own identity opened by a hidden HTML comment in its body, created
// when there is something to track, edited in place, and closed once there is
// nothing left. Nobody else's issue is ever edited or closed.
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
import { stickyBody } from './sticky-comment.js'

export interface TrackingIssueOptions {
  owner: string
  repo: string
  /** A one-line hidden HTML comment, e.g. `<!-- image-manager-lifecycle -->`. */
  marker: string
  title: string
  /** Markdown; the marker is put first. */
  body: string
  /** Something to track: the issue is opened (or kept open); otherwise it is closed. */
  open: boolean
  /** Whom the token writes as (`tokenIdentity`): only its issue is edited or closed. */
  self: Identity
}

export type TrackingOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none'

export interface TrackingIssueResult {
  operation: TrackingOperation
  number?: number
  url?: string
}

interface TrackedIssue {
  number: number
  url: string
  title: string
  body: string
  /** The author's login. */
  author: string
}

const LIST = 'GET /repos/{owner}/{repo}/issues'
const CREATE = 'POST /repos/{owner}/{repo}/issues'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'

export async function syncTrackingIssue(
  client: GitHubClient,
  options: TrackingIssueOptions,
): Promise<TrackingIssueResult> {
  const body = stickyBody(options.marker, options.body, '… report truncated: see the job summary')
  const existing = await findTrackingIssue(client, options)
  if (!options.open) {
    if (existing === null) return { operation: 'none' }
    const closed = await call(client, UPDATE, options, {
      issue_number: existing.number,
      title: options.title,
      body,
      state: 'closed',
      state_reason: 'completed',
    })
    return { operation: 'closed', ...numberAndUrl(closed) }
  }
  if (existing === null) {
    const created = await call(client, CREATE, options, { title: options.title, body })
    return { operation: 'created', ...numberAndUrl(created) }
  }
  if (existing.title === options.title && sameText(existing.body, body)) {
    return { operation: 'unchanged', number: existing.number, url: existing.url }
  }
  const updated = await call(client, UPDATE, options, {
    issue_number: existing.number,
    title: options.title,
    body,
  })
  return { operation: 'updated', ...numberAndUrl(updated) }
}

/** The open issue carrying the marker that the token's identity opened (the oldest of them). */
function findTrackingIssue(
  client: GitHubClient,
  options: TrackingIssueOptions,
): Promise<TrackedIssue | null> {
  return findMarked(openIssues(client, options), options.marker, options.self)
}

/** The open issues, oldest first, read page by page as needed. */
async function* openIssues(
  client: GitHubClient,
  options: TrackingIssueOptions,
): AsyncGenerator<TrackedIssue> {
  const params = { state: 'open', sort: 'created', direction: 'asc', per_page: PER_PAGE }
  const listing = pages(
    (page) => call(client, LIST, options, { ...params, page }),
    (data) => unexpectedReply(LIST, 'issues', data),
  )
  for await (const page of listing) {
    for (const item of page) {
      // The issues list has pull requests too.
      if ((item as { pull_request?: unknown }).pull_request !== undefined) continue
      yield parseIssue(LIST, item)
    }
  }
}

function parseIssue(route: string, data: unknown): TrackedIssue {
  const item = data as {
    number?: unknown
    html_url?: unknown
    title?: unknown
    body?: unknown
    user?: unknown
  }
  if (typeof item?.number !== 'number' || typeof item.html_url !== 'string') {
    throw unexpectedReply(route, 'issues', data)
  }
  return {
    number: item.number,
    url: item.html_url,
    title: typeof item.title === 'string' ? item.title : '',
    body: typeof item.body === 'string' ? item.body : '',
    author: authorOf(item.user),
  }
}

function numberAndUrl(response: GitHubResponse): { number: number; url: string } {
  const { number, url } = parseIssue('issue', response.data)
  return { number, url }
}

function call(
  client: GitHubClient,
  route: string,
  target: { owner: string; repo: string },
  params: GitHubParams,
): Promise<GitHubResponse> {
  const { owner, repo } = target
  return requestOn(client, route, { owner, repo, access: 'comments' }, params)
}
