// `command: update` in the action: its inputs, the repository and base branch
// from the run's context, the bump pull requests, outputs and job summary.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { bumpOutputs, setOutputs } from './outputs.js'
import { updateCommandOptions } from '../options/bucket.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import type { BumpTarget, PullRequestPer } from '../update/bump-pull-requests.js'
import { bumpSummary, runBumpPullRequests } from '../update/bump-run.js'
import { openUpdateMirror } from '../update/open-mirror.js'
import { createGitHubClient } from '../github/octokit.js'
import { openUpstreamCache, type ActionsCache } from './upstream-cache.js'
import type { ActionInputs } from './inputs.js'

export const GITHUB_TOKEN_WARNING =
  'Bump pull requests are opened with GITHUB_TOKEN: GitHub starts no workflow for them, so ' +
  'their plan comment never appears. Pass a GitHub App token or a personal access token as `token`.'

interface RunContext {
  ref: string
  repo: { owner: string; repo: string }
  payload: { repository?: { [key: string]: unknown } }
}

/** The repository and the branch to propose to: the branch that runs, else the default branch. */
export function bumpTarget(context: RunContext): BumpTarget {
  const { owner, repo } = context.repo
  if (context.ref.startsWith('refs/heads/')) {
    return { owner, repo, base: context.ref.slice('refs/heads/'.length) }
  }
  const fallback = context.payload.repository?.default_branch
  if (typeof fallback === 'string' && fallback !== '') return { owner, repo, base: fallback }
  throw new UserError(
    `update runs on a branch (schedule, workflow_dispatch or push); this run is on '${context.ref}'`,
  )
}

export const parseLabels = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,\n]/)
      .map((l) => l.trim())
      .filter(Boolean),
  ),
]

function perOf(per: string): PullRequestPer {
  if (per !== 'file' && per !== 'image') {
    throw new UserError(`Input pull-request-per is '${per}'; expected file or image`)
  }
  return per
}

export interface UpdateActionDeps {
  /** The Actions cache service (default: @actions/cache when the runner has it). */
  cacheService?: () => Promise<ActionsCache | undefined>
}

/** Returns the step's failure message, if it fails (the outputs are set either way). */
export async function runUpdateAction(
  inputs: ActionInputs,
  reporter: Reporter,
  deps: UpdateActionDeps = {},
): Promise<string | undefined> {
  const dryRun = inputs.values['dry-run'] === true
  const per = perOf(inputs.pullRequestPer)
  const own = inputs.token
  const token = own || inputs.githubToken
  if (!dryRun && !token)
    throw new UserError('update needs `token` (or `github-token`) to open pull requests')
  if (!dryRun && !own) core.warning(GITHUB_TOKEN_WARNING)
  const upstreamCache = await openUpstreamCache({
    ...(deps.cacheService ? { service: deps.cacheService } : {}),
    warn: (m) => reporter.warning(m),
    info: (m) => reporter.info(m),
  })
  const {
    images,
    filter,
    sourceCacert,
    mirror: mirrorOptions,
  } = updateCommandOptions(inputs.values)
  const mirror =
    mirrorOptions &&
    (await openUpdateMirror(
      mirrorOptions,
      { dryRun, ...(sourceCacert ? { sourceCacert } : {}) },
      reporter,
    ))
  const run = await runBumpPullRequests(
    {
      images,
      ...(filter !== undefined ? { filter } : {}),
      ...(sourceCacert ? { sourceCacert } : {}),
      dryRun,
      per,
      labels: parseLabels(inputs.labels),
      root: process.env.GITHUB_WORKSPACE || process.cwd(),
      ...(dryRun
        ? {}
        : { target: bumpTarget(github.context), client: createGitHubClient({ token }) }),
      ...(upstreamCache ? { cache: upstreamCache.cache } : {}),
      ...(mirror ? { mirror } : {}),
    },
    reporter,
  ).finally(async () => {
    mirror?.store.close()
    await upstreamCache?.save()
  })
  const outputs = bumpOutputs(run)
  setOutputs(outputs)
  if (run.problems.some((p) => p.severity === 'error')) {
    core.setOutput('result', 'invalid')
    return 'Image definitions are invalid: see the annotations; nothing was looked up.'
  }
  await reporter.summary(bumpSummary(run, dryRun))
  const errors = Number(outputs.errors)
  core.setOutput('result', errors > 0 ? 'failed' : 'checked')
  return errors > 0 ? `update: ${errors} error(s): see the warnings above.` : undefined
}
