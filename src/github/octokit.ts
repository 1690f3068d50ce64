// The one door to GitHub's REST API: a small interface that Octokit's `request`
// satisfies, so modules take a `GitHubClient` and tests inject a double.
import { getOctokit } from '@actions/github'
import { gitHubError, hasStatus, type GitHubAccess } from './errors.js'

/** Path, query and body parameters together, as `octokit.request(route, params)` takes them. */
export type GitHubParams = Record<string, unknown>

export interface GitHubResponse {
  status: number
  url: string
  headers: Record<string, string | number | undefined>
  data: unknown
}

export interface GitHubClient {
  /**
   * `route` is `METHOD /path/{template}` as in GitHub's REST reference. Rejects
   * with an error carrying `status` (Octokit's `RequestError`) on 4xx and 5xx.
   */
  request(route: string, params?: GitHubParams): Promise<GitHubResponse>
}

export interface GitHubClientOptions {
  /** `GITHUB_TOKEN` or a personal access token; never logged. */
  token: string
  /** Defaults to `GITHUB_API_URL` on a runner, else https://api.github.com. */
  baseUrl?: string
  /** Injected by tests. */
  fetch?: typeof fetch
}

export const USER_AGENT = 'openstack-image-manager-action'

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (options.token.trim() === '') {
    throw new Error(
      'No GitHub token; expected the `github-token` input (default: ${{ github.token }})',
    )
  }
  // Octokit merges these over its defaults one level deep: leave out what is not
  // set, or the proxy-aware default `request.fetch` would be dropped.
  return getOctokit(options.token, {
    userAgent: USER_AGENT,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.fetch === undefined ? {} : { request: { fetch: options.fetch } }),
  })
}

/** A repository on GitHub. */
export interface RepositoryRef {
  owner: string
  repo: string
}

/** Whom a request is for, as its error names them. */
export interface RequestScope extends RepositoryRef {
  /** How the error names the target; `owner/repo` by default. */
  where?: string
  access: GitHubAccess
}

/** The scope of the branch and pull request calls: their errors give the `contents: write` hints. */
export const contentsScope = (repo: RepositoryRef): RequestScope => ({
  owner: repo.owner,
  repo: repo.repo,
  access: 'contents',
})

/** One branch or pull request call on a repository. */
export const contentsRequest = (
  client: GitHubClient,
  repo: RepositoryRef,
  route: string,
  params: GitHubParams,
): Promise<GitHubResponse> => requestOn(client, route, contentsScope(repo), params)

/** One request on a repository; a failure becomes a {@link GitHubApiError} naming route and target. */
export async function requestOn(
  client: GitHubClient,
  route: string,
  scope: RequestScope,
  params: GitHubParams,
): Promise<GitHubResponse> {
  try {
    return await client.request(route, { owner: scope.owner, repo: scope.repo, ...params })
  } catch (error) {
    throw gitHubError(route, scope.where ?? `${scope.owner}/${scope.repo}`, error, scope.access)
  }
}

/** Like {@link requestOn}, but `null` for a status in `absent` (e.g. 404 for "not there"). */
export async function requestUnlessAbsent(
  client: GitHubClient,
  route: string,
  scope: RequestScope,
  params: GitHubParams,
  absent: readonly number[],
): Promise<GitHubResponse | null> {
  try {
    return await requestOn(client, route, scope, params)
  } catch (error) {
    if (hasStatus(error, absent)) return null
    throw error
  }
}

/** GitHub's largest page. */
export const PER_PAGE = 100

/**
 * The items of a listing, page after page, fetched only as they are read: a
 * page shorter than {@link PER_PAGE} is the last. `notArray` names a page
 * that is no JSON array.
 */
export async function* pages(
  fetchPage: (page: number) => Promise<GitHubResponse>,
  notArray: (data: unknown) => Error,
): AsyncGenerator<unknown[]> {
  for (let page = 1; ; page++) {
    const { data } = await fetchPage(page)
    if (!Array.isArray(data)) throw notArray(data)
    yield data
    if (data.length < PER_PAGE) return
  }
}
