// One tracking issue per marker in a repository: found among the open issues
// by a hidden HTML comment in its body, created when there is something to
// track, edited in place, and closed once there is nothing left.
import type { GitHubClient, GitHubParams, GitHubResponse } from './octokit.js'
import { apiError, stickyBody } from './sticky-comment.js'

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
  byBot: boolean
}

const LIST = 'GET /repos/{owner}/{repo}/issues'
const CREATE = 'POST /repos/{owner}/{repo}/issues'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'
const PER_PAGE = 100

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
  if (existing.title === options.title && same(existing.body, body)) {
    return { operation: 'unchanged', number: existing.number, url: existing.url }
  }
  const updated = await call(client, UPDATE, options, {
    issue_number: existing.number,
    title: options.title,
    body,
  })
  return { operation: 'updated', ...numberAndUrl(updated) }
}

/** The open issue carrying the marker: the first one a bot wrote, else the first at all. */
async function findTrackingIssue(
  client: GitHubClient,
  options: TrackingIssueOptions,
): Promise<TrackedIssue | null> {
  let firstByAnyone: TrackedIssue | null = null
  for (let page = 1; ; page++) {
    const params = {
      state: 'open',
      sort: 'created',
      direction: 'asc',
      per_page: PER_PAGE,
      page,
    }
    const response = await call(client, LIST, options, params)
    if (!Array.isArray(response.data)) throw unexpected(LIST, response.data)
    for (const item of response.data) {
      // The issues list has pull requests too.
      if ((item as { pull_request?: unknown }).pull_request !== undefined) continue
      const issue = parseIssue(LIST, item)
      if (!issue.body.includes(options.marker)) continue
      if (issue.byBot) return issue
      firstByAnyone ??= issue
    }
    if (response.data.length < PER_PAGE) return firstByAnyone
  }
}

const same = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')

function parseIssue(route: string, data: unknown): TrackedIssue {
  const item = data as {
    number?: unknown
    html_url?: unknown
    title?: unknown
    body?: unknown
    user?: { type?: unknown; login?: unknown } | null
  }
  if (typeof item?.number !== 'number' || typeof item.html_url !== 'string') {
    throw unexpected(route, data)
  }
  const user = item.user
  const byBot =
    user?.type === 'Bot' || (typeof user?.login === 'string' && user.login.endsWith('[bot]'))
  return {
    number: item.number,
    url: item.html_url,
    title: typeof item.title === 'string' ? item.title : '',
    body: typeof item.body === 'string' ? item.body : '',
    byBot,
  }
}

function numberAndUrl(response: GitHubResponse): { number: number; url: string } {
  const { number, url } = parseIssue('issue', response.data)
  return { number, url }
}

function unexpected(route: string, data: unknown): Error {
  const shown = JSON.stringify(data)?.slice(0, 200) ?? String(data)
  return new Error(`GitHub API ${route} returned ${shown}; expected issues`)
}

async function call(
  client: GitHubClient,
  route: string,
  target: { owner: string; repo: string },
  params: GitHubParams,
): Promise<GitHubResponse> {
  try {
    return await client.request(route, { owner: target.owner, repo: target.repo, ...params })
  } catch (error) {
    throw apiError(route, `${target.owner}/${target.repo}`, error)
  }
}
