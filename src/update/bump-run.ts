// `update` in the action: look every tracked definition up upstream, then
// keep one bump pull request per catalog file (or image) in line with what was
// found. Files that could not be checked are left as they are.
import path from 'node:path'
import { escapeMarkdown, markdownCode } from '../escape/markdown.js'
import { acceptProblems, problemsTo } from '../definitions/catalog.js'
import { UserError, type Problem } from '../problems.js'
import type { UpdateMirror } from './claim-mirror.js'
import type { Reporter } from '../reporter.js'
import { findUpdates, type FindUpdatesOptions, type FindUpdatesResult } from './find-updates.js'
import type { DefinitionStatus, FileUpdate } from './types.js'
import {
  syncBumpPullRequests,
  type BumpResult,
  type BumpTarget,
  type CurrentEntry,
  type PullRequestPer,
} from './bump-pull-requests.js'
import type { GitHubClient } from '../github/octokit.js'

export interface BumpRunOptions {
  images: string
  filter?: string
  sourceCacert?: string
  /** Look up and report only; no pull request is touched. */
  dryRun: boolean
  per: PullRequestPer
  labels: readonly string[]
  /** Where `images` is read from (the working directory by default). */
  cwd?: string
  /** The repository's root: catalog paths in pull requests are relative to it. */
  root: string
  /** Both needed unless `dryRun`. */
  target?: BumpTarget
  client?: GitHubClient
  /** Mirror each new build before its pull request claims a mirror_url. */
  mirror?: UpdateMirror
  /** Makes the upstream requests conditional (the Actions cache of the update job). */
  cache?: FindUpdatesOptions['cache']
  /** Replaces the upstream check (tests). */
  check?: (options: FindUpdatesOptions) => Promise<FindUpdatesResult>
}

export interface BumpRunResult {
  statuses: DefinitionStatus[]
  results: BumpResult[]
  /** The catalog's own errors: nothing was looked up. */
  problems: Problem[]
  /** Bumps a configured mirror failed for (they go ahead without mirror_url). */
  mirrorFailed?: number
}

export async function runBumpPullRequests(
  options: BumpRunOptions,
  reporter: Reporter,
): Promise<BumpRunResult> {
  const cwd = options.cwd ?? process.cwd()
  const check = options.check ?? findUpdates
  const base: FindUpdatesOptions = {
    images: options.images,
    cwd,
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
    ...(options.mirror ? { mirror: options.mirror } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  }
  const found = await check(base)
  if (!acceptProblems(found.problems, { report: problemsTo(reporter) }))
    return { statuses: [], results: [], problems: found.problems }

  const inRepo = (file: string): string => repositoryPath(options.root, cwd, file)
  const statuses = found.statuses.map((s) => ({ ...s, file: inRepo(s.file) }))
  for (const s of statuses) {
    if (s.status === 'error') reporter.warning(`${s.file}: ${s.image}: ${s.error}`)
    else if (s.status === 'newer') {
      const mirror = s.mirror_url ? ` (mirror_url ${s.mirror_url}: ${s.mirror})` : ''
      reporter.info(`${s.file}: ${s.image}: ${s.from} → ${s.to}${mirror}`)
    } else reporter.info(`${s.file}: ${s.image}: ${s.from} is the newest build`)
    if (s.mirror_error) reporter.warning(`${s.file}: ${s.image}: ${s.mirror_error}`)
  }
  const mirrorFailed = options.mirror ? statuses.filter((s) => s.mirror_error).length : 0
  if (options.dryRun) return { statuses, results: [], problems: found.problems, mirrorFailed }
  if (!options.target || !options.client)
    throw new Error('update needs a repository and a token unless dry-run')

  let updates = found.updates.map((u) => ({ ...u, file: inRepo(u.file) }))
  if (options.per === 'image') updates = await perImage(updates, check, base, inRepo)
  const results = await syncBumpPullRequests(
    options.client,
    options.target,
    updates,
    currentEntries(statuses, options.per),
    { per: options.per, labels: options.labels },
  )
  for (const r of results) {
    const what = `${r.file}${r.image === undefined ? '' : ` (${r.image})`}`
    if (r.operation === 'failed') reporter.warning(`Bump pull request for ${what}: ${r.error}`)
    else if (r.operation === 'skipped')
      reporter.warning(`Bump pull request for ${what}: ${r.warning}`)
    else if (r.operation !== 'none')
      reporter.info(`Bump pull request ${r.operation}: ${what} ${r.url ?? r.branch}`)
  }
  return { statuses, results, problems: found.problems, mirrorFailed }
}

/** `file` as a path from the repository root with `/`; a catalog outside the repository is an error. */
export function repositoryPath(root: string, cwd: string, file: string): string {
  const relative = path.relative(path.resolve(root), path.resolve(cwd, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(
      `${file} is outside the repository (${root}); bump pull requests can only edit files in it`,
    )
  }
  return relative.split(path.sep).join('/')
}

/**
 * What has its newest build: a file when every tracked image in it has, and
 * (per image) each such image. An image whose check failed keeps its file out.
 */
export function currentEntries(
  statuses: readonly DefinitionStatus[],
  per: PullRequestPer,
): CurrentEntry[] {
  const byFile = new Map<string, DefinitionStatus[]>()
  for (const s of statuses) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s])
  const entries: CurrentEntry[] = []
  for (const [file, list] of byFile) {
    if (list.every((s) => s.status === 'current')) entries.push(file)
    else if (per === 'image') {
      for (const s of list) if (s.status === 'current') entries.push({ file, image: s.image })
    }
  }
  return entries
}

/**
 * One update per bumped image, each with only its own edit: the check again
 * with a filter naming just that image (its upstream answers are the same).
 */
async function perImage(
  updates: FileUpdate[],
  check: NonNullable<BumpRunOptions['check']>,
  base: FindUpdatesOptions,
  inRepo: (file: string) => string,
): Promise<FileUpdate[]> {
  const single: FileUpdate[] = []
  for (const update of updates) {
    if (update.bumps.length === 1) {
      single.push(update)
      continue
    }
    for (const bump of update.bumps) {
      const exact = `^${bump.image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`
      const again = await check({ ...base, filter: exact })
      const mine = again.updates
        .map((u) => ({ ...u, file: inRepo(u.file) }))
        .find(
          (u) => u.file === update.file && u.bumps.length === 1 && u.bumps[0]?.image === bump.image,
        )
      // Without it (upstream changed between the two looks) the next run proposes it.
      if (mine) single.push(mine)
    }
  }
  return single
}

/** The job summary: every tracked image and what happened to its pull request. */
export function bumpSummary(run: BumpRunResult, dryRun: boolean): string {
  const pullOf = (s: DefinitionStatus): string => {
    const r =
      run.results.find((x) => x.file === s.file && x.image === s.image) ??
      run.results.find((x) => x.file === s.file && x.image === undefined)
    if (!r || r.operation === 'none') return r?.url ? `[#${r.number}](${r.url})` : ''
    const link = r.url ? ` [#${r.number}](${r.url})` : ''
    const why = r.error ?? r.warning
    return `${r.operation}${link}${why ? `: ${escapeMarkdown(why)}` : ''}`
  }
  const rows = run.statuses.map((s) => {
    const versions =
      s.status === 'error'
        ? escapeMarkdown(s.error ?? '')
        : `${escapeMarkdown(s.from ?? '')} → ${escapeMarkdown(s.to ?? '')}`
    return `| ${markdownCode(s.file)} | ${escapeMarkdown(s.image)} | ${s.status} | ${versions} | ${pullOf(s)} |`
  })
  const newer = run.statuses.filter((s) => s.status === 'newer').length
  const failed = run.statuses.filter((s) => s.status === 'error').length
  return [
    `## Upstream updates${dryRun ? ' (dry run)' : ''}`,
    '',
    `${run.statuses.length} tracked, ${newer} with a newer build, ${failed} could not be checked.`,
    '',
    '| File | Image | Status | Version | Pull request |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
