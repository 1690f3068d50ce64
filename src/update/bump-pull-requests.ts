// Bump pull requests, as create-pull-request keeps them: one branch and pull
// request per catalog file (or per image), created or force-updated in place,
// never duplicated, closed with its branch deleted once the catalog has the
// build. Commits go through the git data API (blob, tree, commit, ref), so no
// git binary or checkout credentials are needed. Nothing is written unless it
// differs: a run with no upstream change only reads. The requests themselves
// are src/github/'s; this file decides which to make. A branch under the
// prefix is the tool's only while its head is the tool's own commit and its
// pull request the tool's own: anyone else's is left alone with a warning.
import type { Bump, FileUpdate } from './types.js'
import { bumpBody, bumpCommitMessage, bumpTitle } from './bump-body.js'
import { BRANCH_ROOT, bumpBranch, gitBlobSha, imageBranchesOf } from './bump-branch.js'
import type { GitHubClient } from '../github/octokit.js'
import { sameLogin, tokenIdentity, type Identity } from '../github/identity.js'
import {
  blobAt,
  branchesUnder,
  branchHead,
  commitFacts,
  commitTree,
  createBlob,
  createBranch,
  createCommit,
  createTree,
  deleteBranch,
  forceBranch,
  isAncestor,
} from '../github/git-data.js'
import {
  addLabels,
  createPullRequest,
  openPullRequestsFrom,
  updatePullRequest,
  type PullRequest,
} from '../github/pull-requests.js'

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

/** `skipped`: the branch or its pull request is not the tool's own, so it was left alone. */
export type BumpOperation = 'created' | 'updated' | 'closed' | 'none' | 'failed' | 'skipped'

export interface BumpResult {
  file: string
  image?: string
  branch: string
  operation: BumpOperation
  number?: number
  url?: string
  /** Why it failed (operation `failed`). */
  error?: string
  /** Why it was left alone (operation `skipped`). */
  warning?: string
}

interface Proposal {
  file: string
  image?: string
  branch: string
  content: string
  bumps: Bump[]
}

/** The repository as read at the start of a run, kept in step with what the run writes. */
interface Session {
  client: GitHubClient
  target: BumpTarget
  /** Labels every bump pull request gets (deduplicated, blank ones left out). */
  labels: string[]
  /** The commit the base branch pointed at when the run began. */
  baseHead: string
  /** Its tree, once a commit needed it. */
  baseTree?: string
  /** Every bump branch and the commit it points at. */
  branches: Map<string, string>
  /** Open bump pull requests from this repository, by branch. */
  pulls: Map<string, PullRequest>
  /** Whom the token writes as: the author of the tool's commits and pull requests. */
  self: Identity
  /** Why a branch is not the tool's own (`null`: it is), once judged. */
  foreign: Map<string, string | null>
}

export async function syncBumpPullRequests(
  client: GitHubClient,
  target: BumpTarget,
  updates: readonly FileUpdate[],
  current: readonly CurrentEntry[],
  options: BumpOptions = {},
): Promise<BumpResult[]> {
  const proposals = proposalsOf(updates, options.per ?? 'file')
  const session = await openSession(client, target, options.labels ?? [])
  const results: BumpResult[] = []
  for (const proposal of proposals) results.push(...(await propose(session, proposal)))
  const proposed = new Set(proposals.map((p) => p.branch))
  for (const entry of current) results.push(...(await closeCurrent(session, entry, proposed)))
  return results.map(withoutUndefined)
}

/** Reads the base branch's head, the bump branches and their open pull requests. */
async function openSession(
  client: GitHubClient,
  target: BumpTarget,
  labels: readonly string[],
): Promise<Session> {
  const baseHead = await branchHead(client, target, target.base)
  if (baseHead === null) {
    throw new Error(
      `Base branch '${target.base}' not found in ${where(target)}; expected an existing branch`,
    )
  }
  return {
    client,
    target,
    labels: [...new Set(labels)].filter((l) => l.trim() !== ''),
    baseHead,
    branches: await branchesUnder(client, target, BRANCH_ROOT),
    pulls: await openPullRequestsFrom(client, target, target.base, BRANCH_ROOT),
    self: await tokenIdentity(client),
    foreign: new Map(),
  }
}

/**
 * Why `branch` is not the tool's own, or `null` when it is: its open pull
 * request was opened by the token's identity, and its head is one commit by
 * that identity, on a commit of the base, changing `file` only (what
 * {@link commitOnBase} makes). Judged once per run.
 */
async function foreignReason(
  session: Session,
  branch: string,
  file: string,
): Promise<string | null> {
  let reason = session.foreign.get(branch)
  if (reason === undefined) {
    reason = await judgeBranch(session, branch, file)
    session.foreign.set(branch, reason)
  }
  return reason
}

async function judgeBranch(session: Session, branch: string, file: string): Promise<string | null> {
  const { client, target, self } = session
  const pull = session.pulls.get(branch)
  if (pull !== undefined && !sameLogin(pull.author, self.login)) {
    return `its pull request #${pull.number} was opened by ${pull.author || 'an unknown account'}, not ${self.login}`
  }
  const head = session.branches.get(branch)
  if (head === undefined) return null
  const commit = await commitFacts(client, target, head)
  const which = `its head commit ${head.slice(0, 7)}`
  if (!sameLogin(commit.author, self.login)) {
    return `${which} is by ${commit.author || 'an author with no GitHub account'}, not ${self.login}`
  }
  const [parent, ...more] = commit.parents
  if (parent === undefined || more.length > 0) return `${which} is not one commit on ${target.base}`
  const others = commit.files.filter((f) => f !== file)
  if (others.length > 0) return `${which} changes ${others[0]}, not only ${file}`
  if (!(await isAncestor(client, target, parent, session.baseHead))) {
    return `${which} is not on top of ${target.base}`
  }
  return null
}

/** The result of a branch left alone, and its warning. */
function leftAlone(
  session: Session,
  where: { file: string; image: string | undefined; branch: string },
  reason: string,
): BumpResult {
  const open = session.pulls.get(where.branch)
  return {
    ...where,
    operation: 'skipped',
    warning:
      `${where.branch} is not this tool's (${reason}): left alone, never force-updated, ` +
      're-titled or closed; delete the branch to let the tool open its own',
    ...(open && link(open)),
  }
}

/**
 * One proposal: its pull requests closed when the base has its content
 * already, else its branch pushed (when it differs) and its pull request
 * opened or brought up to date. A failure is its result; the run goes on.
 */
async function propose(session: Session, proposal: Proposal): Promise<BumpResult[]> {
  const { file, image, branch } = proposal
  try {
    const wanted = gitBlobSha(proposal.content)
    if ((await blobShaAt(session, file, session.baseHead)) === wanted) {
      // The catalog has these builds already (merged, or edited by hand).
      return await closeAll(session, [branch], file, image)
    }
    const reason = await foreignReason(session, branch, file)
    if (reason !== null) return [leftAlone(session, { file, image, branch }, reason)]
    const pushed = await pushIfDifferent(session, proposal, wanted)
    return [await openOrRefresh(session, proposal, pushed)]
  } catch (error) {
    return [{ file, image, branch, operation: 'failed', error: messageOf(error) }]
  }
}

/** Points the proposal's branch at a new commit unless it holds the content already. */
async function pushIfDifferent(
  session: Session,
  proposal: Proposal,
  wanted: string,
): Promise<boolean> {
  const { client, target, branches } = session
  const existing = branches.get(proposal.branch)
  if (existing !== undefined && (await blobShaAt(session, proposal.file, existing)) === wanted) {
    return false
  }
  const commit = await commitOnBase(session, proposal)
  // The branch belongs to this tool: whatever it held is replaced.
  if (existing !== undefined) await forceBranch(client, target, proposal.branch, commit)
  else await createBranch(client, target, proposal.branch, commit)
  branches.set(proposal.branch, commit)
  session.foreign.set(proposal.branch, null)
  return true
}

/** A commit on top of the base with the proposal's file replaced. */
async function commitOnBase(session: Session, proposal: Proposal): Promise<string> {
  const { client, target, baseHead } = session
  session.baseTree ??= await commitTree(client, target, baseHead)
  const blob = await createBlob(client, target, proposal.content)
  // Catalog files are plain files; a mode other than 100644 would show in the diff.
  const entry = { path: proposal.file, mode: '100644', type: 'blob' as const, sha: blob }
  const tree = await createTree(client, target, session.baseTree, [entry])
  const message = bumpCommitMessage(proposal.file, proposal.bumps)
  return createCommit(client, target, { message, tree, parents: [baseHead] })
}

/** Opens the branch's pull request, or brings title, body and labels of the open one in line. */
async function openOrRefresh(
  session: Session,
  proposal: Proposal,
  pushed: boolean,
): Promise<BumpResult> {
  const { client, target, labels, pulls } = session
  const { file, image, branch } = proposal
  const title = bumpTitle(file, proposal.bumps)
  const body = bumpBody(file, proposal.bumps)
  const open = pulls.get(branch)
  if (open === undefined) {
    const created = await createPullRequest(client, target, {
      head: branch,
      base: target.base,
      title,
      body,
    })
    if (labels.length > 0) await addLabels(client, target, created.number, labels)
    pulls.set(branch, { ...created, labels })
    return { file, image, branch, operation: 'created', ...link(created) }
  }
  let changed = pushed
  if (open.title !== title || normalize(open.body) !== normalize(body)) {
    await updatePullRequest(client, target, open.number, { title, body })
    changed = true
  }
  const missing = labels.filter((l) => !open.labels.includes(l))
  if (missing.length > 0) {
    await addLabels(client, target, open.number, missing)
    changed = true
  }
  return { file, image, branch, operation: changed ? 'updated' : 'none', ...link(open) }
}

/**
 * A file (or image) with its newest build: the pull requests no proposal of
 * this run kept are closed. Per file, that takes its image pull requests too.
 */
async function closeCurrent(
  session: Session,
  entry: CurrentEntry,
  proposed: ReadonlySet<string>,
): Promise<BumpResult[]> {
  const file = typeof entry === 'string' ? entry : entry.file
  const image = typeof entry === 'string' ? undefined : entry.image
  const ours =
    image === undefined
      ? [
          bumpBranch(file),
          ...[...session.branches.keys(), ...session.pulls.keys()].filter((b) =>
            b.startsWith(imageBranchesOf(file)),
          ),
        ]
      : [bumpBranch(file, image)]
  const closing = [...new Set(ours)].filter((b) => !proposed.has(b))
  try {
    return await closeAll(session, closing, file, image)
  } catch (error) {
    const branch = closing[0] ?? bumpBranch(file, image)
    return [{ file, image, branch, operation: 'failed', error: messageOf(error) }]
  }
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
  session: Session,
  names: readonly string[],
  file: string,
  image: string | undefined,
): Promise<BumpResult[]> {
  const { client, target, branches, pulls } = session
  const results: BumpResult[] = []
  for (const branch of names) {
    const open = pulls.get(branch)
    if (open === undefined && !branches.has(branch)) continue
    const reason = await foreignReason(session, branch, file)
    if (reason !== null) {
      results.push(leftAlone(session, { file, image, branch }, reason))
      continue
    }
    if (open !== undefined) {
      await updatePullRequest(client, target, open.number, { state: 'closed' })
      pulls.delete(branch)
    }
    if (branches.has(branch)) {
      await deleteBranch(client, target, branch)
      branches.delete(branch)
    }
    results.push({ file, image, branch, operation: 'closed', ...(open && link(open)) })
  }
  if (results.length > 0) return results
  return [{ file, image, branch: names[0] ?? bumpBranch(file, image), operation: 'none' }]
}

/** The blob id of `file` at a commit; null when the file is not there. */
async function blobShaAt(session: Session, file: string, commit: string): Promise<string | null> {
  const found = await blobAt(session.client, session.target, file, commit)
  if (found === 'not a file') {
    throw new Error(`${file} in ${where(session.target)} is not a file; expected a catalog file`)
  }
  return found === null ? null : found.sha
}

const where = (target: BumpTarget): string => `${target.owner}/${target.repo}`

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
