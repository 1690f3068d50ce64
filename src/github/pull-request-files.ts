// The files a pull request changes and the lines it adds to them, so that
// `validate --check-urls` checks only the definitions the pull request touches.
import path from 'node:path'
import type { ChangedLines } from '../definitions/check-urls.js'
import { addedLines } from './diff-lines.js'
import { getErrorMessage } from '../problems.js'
import { gitHubFailure, permissionHint } from './errors.js'
import { pages, PER_PAGE, type GitHubClient } from './octokit.js'
import { pullRequestFromContext, type PullRequestContext } from './sticky-comment.js'

const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'

export interface PullRequestFile {
  filename: string
  status: string
  changes: number
  /** Absent for binary files and for diffs too large for GitHub to include. */
  patch?: string
}

export interface PullRequestTarget {
  owner: string
  repo: string
  number: number
}

function parseFile(item: unknown): PullRequestFile {
  const f = item as Partial<PullRequestFile> | null
  if (typeof f?.filename !== 'string' || typeof f.status !== 'string') {
    throw new Error(`${FILES} answered an entry without filename or status`)
  }
  return {
    filename: f.filename,
    status: f.status,
    changes: typeof f.changes === 'number' ? f.changes : 1,
    ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
  }
}

/** Every file of the pull request, page by page (GitHub lists at most 3,000). */
export async function listPullRequestFiles(
  client: GitHubClient,
  target: PullRequestTarget,
): Promise<PullRequestFile[]> {
  // Unwrapped: the caller's warning quotes GitHub's message as it comes.
  const listing = pages(
    (page) =>
      client.request(FILES, {
        owner: target.owner,
        repo: target.repo,
        pull_number: target.number,
        per_page: PER_PAGE,
        page,
      }),
    () => new Error(`${FILES} answered no JSON array`),
  )
  const files: PullRequestFile[] = []
  for await (const page of listing) files.push(...page.map(parseFile))
  return files
}

/**
 * The lines each file gains, by absolute path under `root` (the checkout): a
 * file without a patch counts as changed throughout, unless it has no changes
 * at all (a pure rename). Removed files are left out.
 */
export function changedLinesOf(files: readonly PullRequestFile[], root: string): ChangedLines {
  const changed = new Map<string, ReadonlySet<number> | 'all'>()
  for (const file of files) {
    if (file.status === 'removed') continue
    const lines =
      file.patch !== undefined
        ? addedLines(file.patch)
        : file.changes === 0
          ? new Set<number>()
          : 'all'
    changed.set(path.resolve(root, file.filename), lines)
  }
  return changed
}

/**
 * On a pull request event, the lines it changes; `undefined` (check every
 * definition) for other events, and, with a warning, when they cannot be listed.
 */
export async function pullRequestChangedLines(
  context: PullRequestContext,
  client: () => GitHubClient,
  root: string,
  warn: (message: string) => void,
): Promise<ChangedLines | undefined> {
  const target = pullRequestFromContext(context)
  if (!target) return undefined
  const { owner, repo, issueNumber: number } = target
  try {
    return changedLinesOf(await listPullRequestFiles(client(), { owner, repo, number }), root)
  } catch (error) {
    const hint = permissionHint(gitHubFailure(error), 'read')
    warn(
      `Could not list the files of pull request #${number} (${getErrorMessage(error).slice(0, 300)}): checking the urls of every definition.${hint === '' ? '' : ` ${hint}`}`,
    )
    return undefined
  }
}
