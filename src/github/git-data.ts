// Git objects and branches through GitHub's git data API (refs, blobs, trees,
// commits) and the contents API: one function per request, so a commit needs
// neither a git binary nor checkout credentials.
import { unexpectedReply } from './errors.js'
import {
  contentsRequest,
  contentsScope,
  requestUnlessAbsent,
  type GitHubClient,
  type RepositoryRef,
} from './octokit.js'

const ROUTES = {
  getRef: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
  matchingRefs: 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}',
  getCommit: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  commitWithFiles: 'GET /repos/{owner}/{repo}/commits/{ref}',
  compare: 'GET /repos/{owner}/{repo}/compare/{basehead}',
  contents: 'GET /repos/{owner}/{repo}/contents/{path}',
  blob: 'POST /repos/{owner}/{repo}/git/blobs',
  tree: 'POST /repos/{owner}/{repo}/git/trees',
  commit: 'POST /repos/{owner}/{repo}/git/commits',
  createRef: 'POST /repos/{owner}/{repo}/git/refs',
  updateRef: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  deleteRef: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
} as const

/** One entry of a new tree: a file's path, mode and blob. */
export interface TreeEntry {
  path: string
  /** `100644` for a plain file. */
  mode: string
  type: 'blob'
  sha: string
}

export interface NewCommit {
  message: string
  tree: string
  parents: readonly string[]
}

/** The commit a branch points at; `null` when there is no such branch. */
export async function branchHead(
  client: GitHubClient,
  repo: RepositoryRef,
  branch: string,
): Promise<string | null> {
  const params = { ref: `heads/${branch}` }
  const response = await requestUnlessAbsent(
    client,
    ROUTES.getRef,
    contentsScope(repo),
    params,
    [404],
  )
  if (response === null) return null
  return shaOf(ROUTES.getRef, (response.data as { object?: unknown }).object)
}

/** Every branch whose name starts with `prefix`, and the commit it points at. */
export async function branchesUnder(
  client: GitHubClient,
  repo: RepositoryRef,
  prefix: string,
): Promise<Map<string, string>> {
  const response = await contentsRequest(client, repo, ROUTES.matchingRefs, {
    ref: `heads/${prefix}`,
  })
  if (!Array.isArray(response.data)) {
    throw unexpectedReply(ROUTES.matchingRefs, 'a JSON array', response.data)
  }
  const found = new Map<string, string>()
  for (const item of response.data) {
    const { ref: name, object } = item as { ref?: unknown; object?: unknown }
    if (typeof name !== 'string' || !name.startsWith(`refs/heads/${prefix}`)) continue
    found.set(name.slice('refs/heads/'.length), shaOf(ROUTES.matchingRefs, object))
  }
  return found
}

/** The tree a commit holds. */
export async function commitTree(
  client: GitHubClient,
  repo: RepositoryRef,
  commit: string,
): Promise<string> {
  const response = await contentsRequest(client, repo, ROUTES.getCommit, { commit_sha: commit })
  return shaOf(ROUTES.getCommit, (response.data as { tree?: unknown }).tree)
}

/**
 * What is at `path` in a commit: the file's blob id, `'not a file'` for a
 * folder, link or submodule, `null` when nothing is there.
 */
export async function blobAt(
  client: GitHubClient,
  repo: RepositoryRef,
  path: string,
  ref: string,
): Promise<{ sha: string } | 'not a file' | null> {
  const params = { path, ref }
  const response = await requestUnlessAbsent(
    client,
    ROUTES.contents,
    contentsScope(repo),
    params,
    [404],
  )
  if (response === null) return null
  const data = response.data as { type?: unknown; sha?: unknown }
  if (data.type !== 'file' || typeof data.sha !== 'string') return 'not a file'
  return { sha: data.sha }
}

/** Stores `text` (UTF-8) as a blob; its id. */
export async function createBlob(
  client: GitHubClient,
  repo: RepositoryRef,
  text: string,
): Promise<string> {
  const response = await contentsRequest(client, repo, ROUTES.blob, {
    content: Buffer.from(text, 'utf8').toString('base64'),
    encoding: 'base64',
  })
  return shaOf(ROUTES.blob, response.data)
}

/** `baseTree` with `entries` put in; the new tree's id. */
export async function createTree(
  client: GitHubClient,
  repo: RepositoryRef,
  baseTree: string,
  entries: readonly TreeEntry[],
): Promise<string> {
  const response = await contentsRequest(client, repo, ROUTES.tree, {
    base_tree: baseTree,
    tree: entries,
  })
  return shaOf(ROUTES.tree, response.data)
}

export async function createCommit(
  client: GitHubClient,
  repo: RepositoryRef,
  commit: NewCommit,
): Promise<string> {
  const { message, tree, parents } = commit
  const response = await contentsRequest(client, repo, ROUTES.commit, { message, tree, parents })
  return shaOf(ROUTES.commit, response.data)
}

export async function createBranch(
  client: GitHubClient,
  repo: RepositoryRef,
  branch: string,
  commit: string,
): Promise<void> {
  await contentsRequest(client, repo, ROUTES.createRef, {
    ref: `refs/heads/${branch}`,
    sha: commit,
  })
}

/** Points the branch at `commit`, whatever it held before. */
export async function forceBranch(
  client: GitHubClient,
  repo: RepositoryRef,
  branch: string,
  commit: string,
): Promise<void> {
  await contentsRequest(client, repo, ROUTES.updateRef, {
    ref: `heads/${branch}`,
    sha: commit,
    force: true,
  })
}

export async function deleteBranch(
  client: GitHubClient,
  repo: RepositoryRef,
  branch: string,
): Promise<void> {
  // Gone already (GitHub answers 422, e.g. deleted on merge): nothing left to do.
  await requestUnlessAbsent(
    client,
    ROUTES.deleteRef,
    contentsScope(repo),
    { ref: `heads/${branch}` },
    [422],
  )
}

/** Who made a commit, on top of what, and which files it changed (against its first parent). */
export interface CommitFacts {
  /** The GitHub account of its author (`author.login`); empty when GitHub links none. */
  author: string
  parents: string[]
  /** Paths changed, with the old path of a rename. */
  files: string[]
}

export async function commitFacts(
  client: GitHubClient,
  repo: RepositoryRef,
  commit: string,
): Promise<CommitFacts> {
  const route = ROUTES.commitWithFiles
  const response = await contentsRequest(client, repo, route, { ref: commit })
  const data = response.data as {
    author?: { login?: unknown } | null
    parents?: unknown
    files?: unknown
  }
  if (!Array.isArray(data?.parents)) throw unexpectedReply(route, 'a commit', data)
  const login = data.author?.login
  const files: string[] = []
  for (const file of Array.isArray(data.files) ? data.files : []) {
    const { filename, previous_filename: before } = file as Record<string, unknown>
    if (typeof filename === 'string') files.push(filename)
    if (typeof before === 'string') files.push(before)
  }
  return {
    author: typeof login === 'string' ? login : '',
    parents: data.parents.map((p) => shaOf(route, p)),
    files,
  }
}

/** True when `ancestor` is `commit` or one of its ancestors. */
export async function isAncestor(
  client: GitHubClient,
  repo: RepositoryRef,
  ancestor: string,
  commit: string,
): Promise<boolean> {
  if (ancestor === commit) return true
  const response = await contentsRequest(client, repo, ROUTES.compare, {
    basehead: `${ancestor}...${commit}`,
    per_page: 1,
  })
  const status = (response.data as { status?: unknown }).status
  // `ahead`: `commit` has everything of `ancestor` and more.
  return status === 'ahead' || status === 'identical'
}

function shaOf(route: string, data: unknown): string {
  const sha = (data as { sha?: unknown } | null | undefined)?.sha
  if (typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(sha)) {
    throw unexpectedReply(route, 'a sha', data)
  }
  return sha
}
