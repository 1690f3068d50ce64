// Bump pull requests, as create-pull-request keeps them: one branch and pull
// request per catalog file (or per image), created or force-updated in place,
// never duplicated, closed with its branch deleted once the catalog has the
// build. Commits go through the git data API (blob, tree, commit, ref), so no
// git binary or checkout credentials are needed. Nothing is written unless it
// differs: a run with no upstream change only reads.
import type { Bump, FileUpdate } from './types.js'
import { bumpBody, bumpCommitMessage, bumpTitle } from './bump-body.js'
import { BRANCH_ROOT, bumpBranch, gitBlobSha, imageBranchesOf } from './bump-branch.js'
import type { GitHubClient, GitHubParams, GitHubResponse } from '../github/octokit.js'
import { GitHubApiError } from '../github/sticky-comment.js'

export interface BumpTarget {
  owner: string
  repo: string
  /** The branch the catalog lives on and pull requests go to. */
  base: string
}

export type PullRequestPer = 'file' | 'image'

export interface BumpOptions {
  /** `file` (default): one pull request per catalog file; `image`: one per bumped image. */
  per?: PullRequestPer
  /** Labels every bump pull request carries. */
  labels?: readonly string[]
}

/**
 * A catalog file whose tracked images all have their newest build, or (per
 * image) one such image. Their pull requests are closed. Files and images that
 * could not be checked belong in neither list, so an upstream outage closes nothing.
 */
export type CurrentEntry = string | { file: string; image: string }

export type BumpOperation = 'created' | 'updated' | 'closed' | 'none' | 'failed'

export interface BumpResult {
  file: string
  image?: string
  branch: string
  operation: BumpOperation
  number?: number
  url?: string
  /** Why it failed (operation `failed`). */
  error?: string
}

const ROUTES = {
  getRef: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
  matchingRefs: 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}',
  getCommit: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  contents: 'GET /repos/{owner}/{repo}/contents/{path}',
  blob: 'POST /repos/{owner}/{repo}/git/blobs',
  tree: 'POST /repos/{owner}/{repo}/git/trees',
  commit: 'POST /repos/{owner}/{repo}/git/commits',
  createRef: 'POST /repos/{owner}/{repo}/git/refs',
  updateRef: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  deleteRef: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
  listPulls: 'GET /repos/{owner}/{repo}/pulls',
  createPull: 'POST /repos/{owner}/{repo}/pulls',
  updatePull: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  addLabels: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
} as const
const PER_PAGE = 100

interface OpenPull {
  number: number
  url: string
  title: string
  body: string
  labels: string[]
}

interface Proposal {
  file: string
  image?: string
  branch: string
  content: string
  bumps: Bump[]
}

export async function syncBumpPullRequests(
  client: GitHubClient,
  target: BumpTarget,
  updates: readonly FileUpdate[],
  current: readonly CurrentEntry[],
  options: BumpOptions = {},
): Promise<BumpResult[]> {
  const repo = new Repository(client, target)
  const proposals = proposalsOf(updates, options.per ?? 'file')
  const labels = [...new Set(options.labels ?? [])].filter((l) => l.trim() !== '')
  const baseHead = await repo.baseHead()
  const branches = await repo.branches()
  const pulls = await repo.openPulls()
  const results: BumpResult[] = []

  for (const proposal of proposals) {
    const { file, image, branch } = proposal
    try {
      const wanted = gitBlobSha(proposal.content)
      if ((await repo.blobAt(file, baseHead)) === wanted) {
        // The catalog has these builds already (merged, or edited by hand).
        results.push(...(await closeAll(repo, [branch], branches, pulls, file, image)))
        continue
      }
      const existing = branches.get(branch)
      let pushed = false
      if (existing === undefined || (await repo.blobAt(file, existing)) !== wanted) {
        const commit = await repo.commitOnBase(baseHead, proposal)
        await repo.setBranch(branch, commit, existing !== undefined)
        branches.set(branch, commit)
        pushed = true
      }
      const title = bumpTitle(file, proposal.bumps)
      const body = bumpBody(file, proposal.bumps)
      const open = pulls.get(branch)
      if (open === undefined) {
        const created = await repo.createPull(branch, title, body)
        if (labels.length > 0) await repo.addLabels(created.number, labels)
        pulls.set(branch, { ...created, labels })
        results.push({ file, image, branch, operation: 'created', ...link(created) })
        continue
      }
      let changed = pushed
      if (open.title !== title || normalize(open.body) !== normalize(body)) {
        await repo.updatePull(open.number, { title, body })
        changed = true
      }
      const missing = labels.filter((l) => !open.labels.includes(l))
      if (missing.length > 0) {
        await repo.addLabels(open.number, missing)
        changed = true
      }
      results.push({ file, image, branch, operation: changed ? 'updated' : 'none', ...link(open) })
    } catch (error) {
      results.push({ file, image, branch, operation: 'failed', error: messageOf(error) })
    }
  }

  const proposed = new Set(proposals.map((p) => p.branch))
  for (const entry of current) {
    const file = typeof entry === 'string' ? entry : entry.file
    const image = typeof entry === 'string' ? undefined : entry.image
    const ours =
      image === undefined
        ? [
            bumpBranch(file),
            ...[...branches.keys(), ...pulls.keys()].filter((b) =>
              b.startsWith(imageBranchesOf(file)),
            ),
          ]
        : [bumpBranch(file, image)]
    const closing = [...new Set(ours)].filter((b) => !proposed.has(b))
    try {
      results.push(...(await closeAll(repo, closing, branches, pulls, file, image)))
    } catch (error) {
      const branch = closing[0] ?? bumpBranch(file, image)
      results.push({ file, image, branch, operation: 'failed', error: messageOf(error) })
    }
  }
  return results.map(withoutUndefined)
}

function proposalsOf(updates: readonly FileUpdate[], per: PullRequestPer): Proposal[] {
  const proposals = updates.map((update): Proposal => {
    if (per === 'file')
      return { ...update, bumps: [...update.bumps], branch: bumpBranch(update.file) }
    const [bump, ...more] = update.bumps
    if (bump === undefined || more.length > 0) {
      throw new Error(
        `One pull request per image needs one update per image; ${update.file} has ${update.bumps.length} bumps in one update`,
      )
    }
    const branch = bumpBranch(update.file, bump.image)
    return { ...update, image: bump.image, bumps: [bump], branch }
  })
  const seen = new Set<string>()
  for (const { branch, file } of proposals) {
    if (seen.has(branch)) throw new Error(`Two updates for the same pull request (${file})`)
    seen.add(branch)
  }
  return proposals
}

/** Closes the open pull request of each branch and deletes the branch; one result per branch. */
async function closeAll(
  repo: Repository,
  names: readonly string[],
  branches: Map<string, string>,
  pulls: Map<string, OpenPull>,
  file: string,
  image: string | undefined,
): Promise<BumpResult[]> {
  const results: BumpResult[] = []
  for (const branch of names) {
    const open = pulls.get(branch)
    if (open === undefined && !branches.has(branch)) continue
    if (open !== undefined) {
      await repo.updatePull(open.number, { state: 'closed' })
      pulls.delete(branch)
    }
    if (branches.has(branch)) {
      await repo.deleteBranch(branch)
      branches.delete(branch)
    }
    results.push({ file, image, branch, operation: 'closed', ...(open && link(open)) })
  }
  if (results.length > 0) return results
  return [{ file, image, branch: names[0] ?? bumpBranch(file, image), operation: 'none' }]
}

const link = (pull: { number: number; url: string }): { number: number; url: string } => ({
  number: pull.number,
  url: pull.url,
})

const normalize = (text: string): string => text.replace(/\r\n/g, '\n').trimEnd()

function withoutUndefined(result: BumpResult): BumpResult {
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as unknown as BumpResult
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The repository's API, each call with its route and target in its error. */
class Repository {
  private baseTreeOf = new Map<string, string>()
  constructor(
    private readonly client: GitHubClient,
    private readonly target: BumpTarget,
  ) {}

  async baseHead(): Promise<string> {
    const ref = `heads/${this.target.base}`
    const response = await this.call(ROUTES.getRef, { ref }, [404])
    if (response === null) {
      throw new Error(
        `Base branch '${this.target.base}' not found in ${this.where()}; expected an existing branch`,
      )
    }
    return shaOf(ROUTES.getRef, (response.data as { object?: unknown }).object)
  }

  /** Every bump branch and the commit it points at. */
  async branches(): Promise<Map<string, string>> {
    const ref = `heads/${BRANCH_ROOT}`
    const response = await this.call(ROUTES.matchingRefs, { ref })
    const found = new Map<string, string>()
    for (const item of arrayOf(ROUTES.matchingRefs, response.data)) {
      const { ref: name, object } = item as { ref?: unknown; object?: unknown }
      if (typeof name !== 'string' || !name.startsWith(`refs/heads/${BRANCH_ROOT}`)) continue
      found.set(name.slice('refs/heads/'.length), shaOf(ROUTES.matchingRefs, object))
    }
    return found
  }

  /** Open pull requests to the base from bump branches of this repository (not forks). */
  async openPulls(): Promise<Map<string, OpenPull>> {
    const found = new Map<string, OpenPull>()
    const self = `${this.target.owner}/${this.target.repo}`.toLowerCase()
    for (let page = 1; ; page++) {
      const params = { state: 'open', base: this.target.base, per_page: PER_PAGE, page }
      const items = arrayOf(ROUTES.listPulls, (await this.call(ROUTES.listPulls, params)).data)
      for (const item of items) {
        const pull = item as {
          head?: { ref?: unknown; repo?: { full_name?: unknown } | null }
          labels?: { name?: unknown }[]
        }
        const ref = pull.head?.ref
        const from = pull.head?.repo?.full_name
        if (typeof ref !== 'string' || !ref.startsWith(BRANCH_ROOT)) continue
        if (typeof from !== 'string' || from.toLowerCase() !== self) continue
        found.set(ref, {
          ...pullOf(ROUTES.listPulls, item),
          labels: (pull.labels ?? []).map((l) => l.name).filter((n) => typeof n === 'string'),
        })
      }
      if (items.length < PER_PAGE) return found
    }
  }

  /** The blob id of `file` at a commit; null when the file is not there. */
  async blobAt(file: string, commit: string): Promise<string | null> {
    const response = await this.call(ROUTES.contents, { path: file, ref: commit }, [404])
    if (response === null) return null
    const data = response.data as { type?: unknown; sha?: unknown }
    if (data.type !== 'file' || typeof data.sha !== 'string') {
      throw new Error(`${file} in ${this.where()} is not a file; expected a catalog file`)
    }
    return data.sha
  }

  /** A commit on top of the base with the proposal's file replaced. */
  async commitOnBase(baseHead: string, proposal: Proposal): Promise<string> {
    let baseTree = this.baseTreeOf.get(baseHead)
    if (baseTree === undefined) {
      const response = await this.call(ROUTES.getCommit, { commit_sha: baseHead })
      baseTree = shaOf(ROUTES.getCommit, (response.data as { tree?: unknown }).tree)
      this.baseTreeOf.set(baseHead, baseTree)
    }
    const blob = await this.call(ROUTES.blob, {
      content: Buffer.from(proposal.content, 'utf8').toString('base64'),
      encoding: 'base64',
    })
    // Catalog files are plain files; a mode other than 100644 would show in the diff.
    const entry = {
      path: proposal.file,
      mode: '100644',
      type: 'blob',
      sha: shaOf(ROUTES.blob, blob.data),
    }
    const tree = await this.call(ROUTES.tree, { base_tree: baseTree, tree: [entry] })
    const commit = await this.call(ROUTES.commit, {
      message: bumpCommitMessage(proposal.file, proposal.bumps),
      tree: shaOf(ROUTES.tree, tree.data),
      parents: [baseHead],
    })
    return shaOf(ROUTES.commit, commit.data)
  }

  /** Points the branch at `commit`, whatever it held (the branch belongs to this tool). */
  async setBranch(branch: string, commit: string, exists: boolean): Promise<void> {
    if (exists)
      await this.call(ROUTES.updateRef, { ref: `heads/${branch}`, sha: commit, force: true })
    else await this.call(ROUTES.createRef, { ref: `refs/heads/${branch}`, sha: commit })
  }

  async deleteBranch(branch: string): Promise<void> {
    // Gone already (deleted on merge): nothing left to do.
    await this.call(ROUTES.deleteRef, { ref: `heads/${branch}` }, [422])
  }

  async createPull(branch: string, title: string, body: string): Promise<OpenPull> {
    const response = await this.call(ROUTES.createPull, {
      head: branch,
      base: this.target.base,
      title,
      body,
    })
    return { ...pullOf(ROUTES.createPull, response.data), labels: [] }
  }

  async updatePull(number: number, change: GitHubParams): Promise<void> {
    await this.call(ROUTES.updatePull, { pull_number: number, ...change })
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    await this.call(ROUTES.addLabels, { issue_number: number, labels: [...labels] })
  }

  private where(): string {
    return `${this.target.owner}/${this.target.repo}`
  }

  /** The response; null for a status in `absent` (e.g. 404 for "not there"). */
  async call(route: string, params: GitHubParams): Promise<GitHubResponse>
  async call(route: string, params: GitHubParams, absent: number[]): Promise<GitHubResponse | null>
  async call(
    route: string,
    params: GitHubParams,
    absent: number[] = [],
  ): Promise<GitHubResponse | null> {
    try {
      return await this.client.request(route, {
        owner: this.target.owner,
        repo: this.target.repo,
        ...params,
      })
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && absent.includes(status)) return null
      throw apiError(route, this.where(), error)
    }
  }
}

function arrayOf(route: string, data: unknown): unknown[] {
  if (!Array.isArray(data)) throw unexpected(route, 'a JSON array', data)
  return data
}

function shaOf(route: string, data: unknown): string {
  const sha = (data as { sha?: unknown } | null | undefined)?.sha
  if (typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(sha))
    throw unexpected(route, 'a sha', data)
  return sha
}

function pullOf(route: string, data: unknown): Omit<OpenPull, 'labels'> {
  const pull = data as { number?: unknown; html_url?: unknown; title?: unknown; body?: unknown }
  if (typeof pull?.number !== 'number' || typeof pull.html_url !== 'string') {
    throw unexpected(route, 'a pull request', data)
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return { number: pull.number, url: pull.html_url, title: text(pull.title), body: text(pull.body) }
}

function unexpected(route: string, expected: string, data: unknown): Error {
  const shown = JSON.stringify(data)?.slice(0, 200) ?? String(data)
  return new Error(`GitHub API ${route} returned ${shown}; expected ${expected}`)
}

/** Route, repository, status and GitHub's message; never the token. */
function apiError(route: string, where: string, error: unknown): GitHubApiError {
  const failure = error as { status?: unknown; message?: unknown; response?: { data?: unknown } }
  const status = typeof failure?.status === 'number' ? failure.status : undefined
  const data = failure?.response?.data as { message?: unknown } | undefined
  const raw = typeof data?.message === 'string' ? data.message : String(failure?.message ?? error)
  const detail = raw.replace(/\s+/g, ' ').trim().slice(0, 300)
  let hint = ''
  if (/not permitted to create or approve pull requests/i.test(detail)) {
    hint = '; pass a GitHub App token or a personal access token as `token` (BUMP_TOKEN)'
  } else if (status === 403 || status === 404) {
    hint = '; the token needs `contents: write` and `pull-requests: write` on the repository'
  }
  const code = status === undefined ? 'without a status' : `with status ${status}`
  return new GitHubApiError(
    `GitHub API ${route} for ${where} failed ${code}: ${detail}${hint}`,
    route,
    status,
  )
}
