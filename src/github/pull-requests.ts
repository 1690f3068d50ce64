// Pull requests through GitHub's REST API: list the open ones, open, edit or
// close one, add labels, read one's head, find the one a commit was merged by.
// One function per request.
import { unexpectedReply } from './errors.js'
import {
  pages,
  PER_PAGE,
  contentsRequest,
  requestOn,
  type GitHubClient,
  type RepositoryRef,
} from './octokit.js'

const ROUTES = {
  list: 'GET /repos/{owner}/{repo}/pulls',
  create: 'POST /repos/{owner}/{repo}/pulls',
  update: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  addLabels: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  ofCommit: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
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

/** A pull request's head and how it was merged. */
export interface PullRequestHead {
  number: number
  url: string
  /** The SHA of the head branch's last commit. */
  headSha: string
  /** When merged: the commit on the base branch (merge, squash or last rebased commit). */
  mergeCommitSha: string | null
  merged: boolean
}

function headOf(route: string, data: unknown): PullRequestHead {
  const pull = data as {
    head?: { sha?: unknown }
    merge_commit_sha?: unknown
    merged_at?: unknown
  }
  const sha = pull?.head?.sha
  if (typeof sha !== 'string') throw unexpectedReply(route, 'a pull request', data)
  return {
    ...pullOf(route, data),
    headSha: sha,
    mergeCommitSha: typeof pull.merge_commit_sha === 'string' ? pull.merge_commit_sha : null,
    merged: typeof pull.merged_at === 'string',
  }
}

/** The pull request as it is now (one GET). */
export async function getPullRequestHead(
  client: GitHubClient,
  repo: RepositoryRef,
  number: number,
): Promise<PullRequestHead> {
  const scope = { ...repo, where: `${repo.owner}/${repo.repo}#${number}`, access: 'read' as const }
  const response = await requestOn(client, ROUTES.get, scope, { pull_number: number })
  return headOf(ROUTES.get, response.data)
}

/**
 * The merged pull request that brought `sha` to the default branch: the one
 * whose merge commit it is, else the first merged one GitHub associates with
 * it; null for a commit pushed without a pull request.
 */
export async function mergedPullRequestOf(
  client: GitHubClient,
  repo: RepositoryRef,
  sha: string,
): Promise<PullRequestHead | null> {
  const scope = { ...repo, access: 'read' as const }
  const response = await requestOn(client, ROUTES.ofCommit, scope, { commit_sha: sha })
  if (!Array.isArray(response.data))
    throw unexpectedReply(ROUTES.ofCommit, 'a JSON array', response.data)
  const merged = response.data.map((item) => headOf(ROUTES.ofCommit, item)).filter((p) => p.merged)
  return merged.find((p) => p.mergeCommitSha === sha) ?? merged[0] ?? null
}
