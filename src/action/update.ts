// `command: update` in the action: its inputs, the repository and base branch
// from the run's context, the bump pull requests, outputs and job summary.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { bumpOutputs } from './outputs.js'
import type { Values } from '../options/values.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import type { BumpTarget, PullRequestPer } from '../update/bump-pull-requests.js'
import { bumpSummary, runBumpPullRequests } from '../update/bump-run.js'
import { openUpdateMirror, updateMirrorOf, type UpdateMirrorOptions } from '../commands/update.js'
import { createGitHubClient } from '../github/octokit.js'
import { openUpstreamCache, type ActionsCache } from './upstream-cache.js'

/** The inputs only `update` reads (action.yml declares them; a test checks). */
export const BUMP_INPUTS = [
  'token',
  'pull-request-per',
  'labels',
  'mirror-url',
  'mirror-bucket',
  'mirror-endpoint',
  'mirror-region',
  'mirror-prefix',
  'mirror-path-style',
  'mirror-access-key-id',
  'mirror-secret-access-key',
]

/** The mirror inputs, when `mirror-url` is set; unset bucket inputs fall back to MIRROR_* / AWS_* variables. */
export function mirrorInputs(): UpdateMirrorOptions | undefined {
  const url = core.getInput('mirror-url')
  if (!url) return undefined
  const secret = core.getInput('mirror-secret-access-key')
  if (secret) core.setSecret(secret)
  return updateMirrorOf({
    'mirror-url': url,
    bucket: core.getInput('mirror-bucket'),
    endpoint: core.getInput('mirror-endpoint'),
    region: core.getInput('mirror-region'),
    prefix: core.getInput('mirror-prefix'),
    'path-style':
      core.getInput('mirror-path-style') !== '' && core.getBooleanInput('mirror-path-style'),
    'access-key-id': core.getInput('mirror-access-key-id'),
    'secret-access-key': secret,
  })
}

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

function perInput(): PullRequestPer {
  const per = core.getInput('pull-request-per') || 'file'
  if (per !== 'file' && per !== 'image') {
    throw new UserError(`Input pull-request-per is '${per}'; expected file or image`)
  }
  return per
}

export interface UpdateActionDeps {
  /** The Actions cache service (default: @actions/cache when the runner has it). */
  cacheService?: () => Promise<ActionsCache | undefined>
}

/** Returns nothing; failures are set on the step (the outputs are set either way). */
export async function runUpdateAction(
  values: Values,
  reporter: Reporter,
  deps: UpdateActionDeps = {},
): Promise<void> {
  const dryRun = values['dry-run'] === true
  const per = perInput()
  const own = core.getInput('token')
  const token = own || core.getInput('github-token')
  if (token) core.setSecret(token)
  if (!dryRun && !token)
    throw new UserError('update needs `token` (or `github-token`) to open pull requests')
  if (!dryRun && !own) core.warning(GITHUB_TOKEN_WARNING)
  const upstreamCache = await openUpstreamCache({
    ...(deps.cacheService ? { service: deps.cacheService } : {}),
    warn: (m) => reporter.warning(m),
    info: (m) => reporter.info(m),
  })
  const mirrorOptions = mirrorInputs()
  const sourceCacert =
    typeof values['source-cacert'] === 'string' ? values['source-cacert'] : undefined
  const mirror =
    mirrorOptions &&
    (await openUpdateMirror(
      mirrorOptions,
      { dryRun, ...(sourceCacert ? { sourceCacert } : {}) },
      reporter,
    ))
  const run = await runBumpPullRequests(
    {
      images: values.images as string,
      ...(typeof values.filter === 'string' ? { filter: values.filter } : {}),
      ...(sourceCacert ? { sourceCacert } : {}),
      dryRun,
      per,
      labels: parseLabels(core.getInput('labels')),
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
  for (const [name, value] of Object.entries(bumpOutputs(run))) core.setOutput(name, value)
  if (run.problems.some((p) => p.severity === 'error')) {
    core.setOutput('result', 'invalid')
    core.setFailed('Image definitions are invalid: see the annotations; nothing was looked up.')
    return
  }
  await reporter.summary(bumpSummary(run, dryRun))
  const errors = Number(bumpOutputs(run).errors)
  core.setOutput('result', errors > 0 ? 'failed' : 'checked')
  if (errors > 0) core.setFailed(`update: ${errors} error(s): see the warnings above.`)
}
