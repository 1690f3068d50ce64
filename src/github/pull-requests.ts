// Pull requests through GitHub's REST API: list the open ones, open, edit or
// close one, add labels. One function per request.
import { unexpectedReply } from './errors.js'
import {
  pages,
  PER_PAGE,
  contentsRequest,
  type GitHubClient,
  type RepositoryRef,
} from './octokit.js'

const ROUTES = {
  list: 'GET /repos/{owner}/{repo}/pulls',
  create: 'POST /repos/{owner}/{repo}/pulls',
  update: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  addLabels: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
} as const

export interface PullRequest {
  number: number
  /** The pull request on github.com (`html_url`). */
  url: string
  title: string
  body: string
  /** Label names. */
  labels: string[]
  /** Who opened it (`user.login`); empty when GitHub gives none. */
  author: string
}

export interface NewPullRequest {
  /** The branch with the changes. */
  head: string
  /** The branch they go to. */
  base: string
  title: string
  body: string
}

export interface PullRequestChange {
  title?: string
  body?: string
  state?: 'open' | 'closed'
}

/**
 * The open pull requests to `base` from branches of this repository (not
 * forks) whose name starts with `headPrefix`, by branch.
 */
export async function openPullRequestsFrom(
  client: GitHubClient,
  repo: RepositoryRef,
  base: string,
  headPrefix: string,
): Promise<Map<string, PullRequest>> {
  const found = new Map<string, PullRequest>()
  const self = `${repo.owner}/${repo.repo}`.toLowerCase()
  const listing = pages(
    (page) =>
      contentsRequest(client, repo, ROUTES.list, { state: 'open', base, per_page: PER_PAGE, page }),
    (data) => unexpectedReply(ROUTES.list, 'a JSON array', data),
  )
  for await (const items of listing) {
    for (const item of items) {
      const pull = item as {
        head?: { ref?: unknown; repo?: { full_name?: unknown } | null }
        labels?: { name?: unknown }[]
      }
      const ref = pull.head?.ref
      const from = pull.head?.repo?.full_name
      if (typeof ref !== 'string' || !ref.startsWith(headPrefix)) continue
      if (typeof from !== 'string' || from.toLowerCase() !== self) continue
      const labels = (pull.labels ?? []).map((l) => l.name).filter((n) => typeof n === 'string')
      found.set(ref, { ...pullOf(ROUTES.list, item), labels })
    }
  }
  return found
}

/** Opens a pull request; it has no labels yet. */
export async function createPullRequest(
  client: GitHubClient,
  repo: RepositoryRef,
  pull: NewPullRequest,
): Promise<PullRequest> {
  const { head, base, title, body } = pull
  const response = await contentsRequest(client, repo, ROUTES.create, { head, base, title, body })
  return { ...pullOf(ROUTES.create, response.data), labels: [] }
}

/** Edits title or body, or closes (`state: 'closed'`). */
export async function updatePullRequest(
  client: GitHubClient,
  repo: RepositoryRef,
  number: number,
  change: PullRequestChange,
): Promise<void> {
  await contentsRequest(client, repo, ROUTES.update, { pull_number: number, ...change })
}

export async function addLabels(
  client: GitHubClient,
  repo: RepositoryRef,
  number: number,
  labels: readonly string[],
): Promise<void> {
  await contentsRequest(client, repo, ROUTES.addLabels, {
    issue_number: number,
    labels: [...labels],
  })
}

function pullOf(route: string, data: unknown): Omit<PullRequest, 'labels'> {
  const pull = data as {
    number?: unknown
    html_url?: unknown
    title?: unknown
    body?: unknown
    user?: { login?: unknown } | null
  }
  if (typeof pull?.number !== 'number' || typeof pull.html_url !== 'string') {
    throw unexpectedReply(route, 'a pull request', data)
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    number: pull.number,
    url: pull.html_url,
    title: text(pull.title),
    body: text(pull.body),
    author: text(pull.user?.login),
  }
}
