// The one door to GitHub's REST API: a small interface that Octokit's `request`
// satisfies, so modules take a `GitHubClient` and tests inject a double.
import { getOctokit } from '@actions/github'

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
