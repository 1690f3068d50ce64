// GitHub's failures in one shape, and the one place that turns them into the
// message the operator reads: route, where, status, GitHub's own words and,
// when the token lacks a permission, which one to grant. Never the token.

/** What a rejected request says: Octokit's `RequestError` (or any other error) read safely. */
export interface GitHubFailure {
  /** The HTTP status; absent when no answer came (network, no token). */
  status?: number
  /** GitHub's message (else the error's), on one line, at most 300 characters. */
  message: string
  /** The reference page GitHub links to with its error. */
  documentationUrl?: string
}

/**
 * What the token was used for: it decides the hint a refusal gets.
 * - `comments`: the workflow job's token writes pull request comments and issues;
 * - `contents`: a token pushes branches and opens pull requests;
 * - `read`: the workflow job's token reads a pull request.
 */
export type GitHubAccess = 'comments' | 'contents' | 'read'

/** A request failed: method, route, status and GitHub's message; never the token. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly route: string,
    readonly status: number | undefined,
  ) {
    super(message)
  }
}

export function gitHubFailure(error: unknown): GitHubFailure {
  const failure = error as { status?: unknown; message?: unknown; response?: { data?: unknown } }
  const status = typeof failure?.status === 'number' ? failure.status : undefined
  const data = failure?.response?.data as
    { message?: unknown; documentation_url?: unknown } | undefined
  const raw = typeof data?.message === 'string' ? data.message : String(failure?.message ?? error)
  const message = raw.replace(/\s+/g, ' ').trim().slice(0, 300)
  const url = data?.documentation_url
  return {
    ...(status === undefined ? {} : { status }),
    message,
    ...(typeof url === 'string' ? { documentationUrl: url } : {}),
  }
}

/** True when the request was answered with one of `statuses` (e.g. 404 for "not there"). */
export function hasStatus(error: unknown, statuses: readonly number[]): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' && statuses.includes(status)
}

/** A failed request of `route` on `where` (`owner/repo`, `owner/repo#7`) as the operator reads it. */
export function gitHubError(
  route: string,
  where: string,
  error: unknown,
  access: GitHubAccess,
): GitHubApiError {
  const failure = gitHubFailure(error)
  const { status, message } = failure
  const hint = permissionHint(failure, access)
  if (access === 'comments' && hint !== '') {
    return new GitHubApiError(
      `GitHub refused ${route} for ${where} (403 Resource not accessible by integration): ${hint}`,
      route,
      status,
    )
  }
  const code = status === undefined ? 'without a status' : `with status ${status}`
  return new GitHubApiError(
    `GitHub API ${route} for ${where} failed ${code}: ${message}${hint === '' ? '' : `; ${hint}`}`,
    route,
    status,
  )
}

/** Which permission (or token) the failure asks for; empty when it is no permission problem. */
export function permissionHint(failure: GitHubFailure, access: GitHubAccess): string {
  const { status, message } = failure
  switch (access) {
    case 'comments':
      if (status !== 403 || !/Resource not accessible by integration/i.test(message)) return ''
      return (
        'give the workflow job `permissions: pull-requests: write` and `issues: write` ' +
        '(a pull request from a fork only gets a read-only token)'
      )
    case 'contents':
      if (/not permitted to create or approve pull requests/i.test(message))
        return 'pass a GitHub App token or a personal access token as `token` (BUMP_TOKEN)'
      if (status === 403 || status === 404)
        return 'the token needs `contents: write` and `pull-requests: write` on the repository'
      return ''
    case 'read':
      // A server failure is no permission problem.
      if (status !== undefined && status >= 500) return ''
      return 'The job needs `permissions: pull-requests: read` and the `github-token` input.'
  }
}

/** GitHub answered, but not with what the route promises. */
export function unexpectedReply(route: string, expected: string, data: unknown): Error {
  const shown = JSON.stringify(data)?.slice(0, 200) ?? String(data)
  return new Error(`GitHub API ${route} returned ${shown}; expected ${expected}`)
}
