// The action: inputs -> the same typed options the CLI builds -> a command.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { applyOutputs, planOutputs, type Outputs } from './outputs.js'
import { applyCommand } from '../commands/apply.js'
import { applyCommandOptions, planCommandOptions, type Values } from '../options/values.js'
import { planCommand, writePlanJson } from '../commands/plan.js'
import { validateCommand, validateCommandOptions } from '../commands/validate.js'
import { escapeLog } from '../escape/log.js'
import { createActionsReporter } from './reporter.js'
import { BUMP_INPUTS, runUpdateAction } from './update.js'
import { LIFECYCLE_INPUTS, runLifecycleAction } from './lifecycle.js'
import { createGitHubClient } from '../github/octokit.js'
import { publishPlanComment } from './plan-comment.js'
import { pullRequestChangedLines } from '../github/pull-request-files.js'
import type { Plan } from '../plan/types.js'
import { getErrorMessage } from '../problems.js'
import type { Reporter } from '../reporter.js'

const COMMANDS = ['validate', 'plan', 'apply', 'update', 'lifecycle'] as const
type CommandName = (typeof COMMANDS)[number]

/** Inputs that are flags; every other input is text. Names match the CLI's flags. */
export const FLAGS = [
  'strict',
  'force',
  'latest',
  'use-os-hidden',
  'rotated-hidden',
  'hide',
  'deactivate',
  'delete',
  'yes-i-really-know-what-i-do',
  'keep',
  'check-age',
  'dry-run',
  'check-urls',
]
export const TEXTS = [
  'images',
  'cloud',
  'source-cacert',
  'tag',
  'filter',
  'rotated-meta',
  'max-age',
  'out',
  'concurrency',
  'import-timeout',
]

/** Inputs the action reads besides the options; action.yml declares exactly these (a test checks). */
export const OTHER_INPUTS = [
  'command',
  'clouds-yaml',
  'comment',
  'github-token',
  ...BUMP_INPUTS,
  ...LIFECYCLE_INPUTS,
]

/** Used when an input is absent (outside a runner); the same as action.yml's defaults. */
export const TEXT_DEFAULTS: Values = {
  images: 'etc/images/',
  tag: 'managed_by_osism',
  'max-age': '90',
  concurrency: '4',
  'import-timeout': '1800',
}

// getBooleanInput throws on an absent input; absent means the default, false.
const booleanInput = (name: string): boolean =>
  core.getInput(name) !== '' && core.getBooleanInput(name)

/** Every input read once, checked, and logged at debug level (secrets never). */
export function readInputs(): { command: CommandName; values: Values; cloudsYaml?: string } {
  const command = core.getInput('command') || 'validate'
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`Unknown command '${command}'; expected one of: ${COMMANDS.join(', ')}`)
  }
  const values: Values = { ...TEXT_DEFAULTS }
  for (const name of FLAGS) values[name] = booleanInput(name)
  for (const name of TEXTS) {
    const value = core.getInput(name)
    if (value) values[name] = value
  }
  core.debug(`inputs: ${JSON.stringify({ command, ...values })}`)
  const cloudsYaml = core.getInput('clouds-yaml')
  if (cloudsYaml) {
    core.setSecret(cloudsYaml)
    return { command: command as CommandName, values, cloudsYaml }
  }
  return { command: command as CommandName, values }
}

/** Where this step's plan JSON and report go: the runner's temp folder, cleaned after the job. */
async function outputDir(): Promise<string> {
  return mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'image-manager-'))
}

function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/** The reporter, also keeping every summary it writes: the `report-markdown` output. */
function recordingSummaries(reporter: Reporter, sink: string[]): Reporter {
  return {
    ...reporter,
    summary: async (markdown) => {
      sink.push(markdown)
      await reporter.summary(markdown)
    },
  }
}

export async function run(): Promise<void> {
  try {
    const { command, values, cloudsYaml } = readInputs()
    const summaries: string[] = []
    const reporter = recordingSummaries(createActionsReporter(), summaries)
    const dir = await outputDir()
    try {
      await runCommand(command, values, cloudsYaml, reporter, dir)
    } finally {
      const report = path.join(dir, 'report.md')
      await writeFile(report, summaries.join('\n\n'))
      core.setOutput('report-markdown', report)
    }
  } catch (error) {
    core.setFailed(escapeLog(getErrorMessage(error)))
  }
}

async function runCommand(
  command: CommandName,
  values: Values,
  cloudsYaml: string | undefined,
  reporter: Reporter,
  dir: string,
): Promise<void> {
  if (command === 'lifecycle') return runLifecycleAction(values, reporter)
  if (command === 'update') return runUpdateAction(values, reporter)
  if (command === 'validate') {
    const options = validateCommandOptions(values)
    if (options.checkUrls) {
      // On a pull request, only the definitions it changes.
      const changed = await pullRequestChangedLines(
        github.context,
        () => createGitHubClient({ token: core.getInput('github-token') }),
        process.env.GITHUB_WORKSPACE || process.cwd(),
        (m) => reporter.warning(m),
      )
      if (changed) options.checkUrls.changed = changed
    }
    const code = await validateCommand(options, reporter)
    core.setOutput('result', code === 0 ? 'valid' : 'invalid')
    if (code !== 0) core.setFailed('Image definitions are invalid: see the annotations.')
    return
  }
  const cloud = cloudsYaml ? { cloudsYaml } : {}
  const planJson = (values.out as string | undefined) ?? path.join(dir, 'plan.json')
  const planDone = (plan: Plan): void => setOutputs({ ...planOutputs(plan), 'plan-json': planJson })
  if (command === 'apply') {
    const code = await applyCommand(
      { ...applyCommandOptions(values), ...cloud },
      reporter,
      async (plan, report) => {
        await writePlanJson(planJson, plan)
        planDone(plan)
        setOutputs(applyOutputs(report))
      },
    )
    core.setOutput('result', code === 0 ? 'applied' : code === 1 ? 'failed' : 'error')
    if (code !== 0) core.setFailed('apply did not complete: see the report above.')
    return
  }
  const token = core.getInput('github-token')
  const comment = booleanInput('comment') && token !== ''
  const code = await planCommand(
    { ...planCommandOptions({ ...values, out: planJson }), ...cloud },
    reporter,
    async (plan) => {
      planDone(plan)
      setOutputs(applyOutputs(undefined))
      if (!comment) return
      // The comment is a courtesy: the plan is in the log and the summary anyway.
      try {
        const posted = await publishPlanComment(plan, token)
        if (!posted) return
        core.info(escapeLog(`Plan comment ${posted.operation}: ${posted.url}`))
        setOutputs({
          comment: posted.operation,
          'comment-id': String(posted.id),
          'comment-url': posted.url,
        })
      } catch (error) {
        core.warning(escapeLog(`Could not post the plan comment: ${getErrorMessage(error)}`))
      }
    },
  )
  core.setOutput('result', code === 1 ? 'invalid' : 'planned')
  if (code === 1) core.setFailed('Image definitions are invalid: see the annotations.')
}
