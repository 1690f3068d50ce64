// The action: inputs -> the same typed options the CLI builds -> a command.
import * as core from '@actions/core'
import { applyCommand } from './commands/apply.js'
import { applyCommandOptions, planCommandOptions, type Values } from './commands/options.js'
import { planCommand } from './commands/plan.js'
import { validateCommand } from './commands/validate.js'
import { createActionsReporter } from './github/actions-reporter.js'
import { publishPlanComment } from './github/plan-comment.js'
import { getErrorMessage } from './problems.js'

const COMMANDS = ['validate', 'plan', 'apply'] as const
type CommandName = (typeof COMMANDS)[number]

/** Inputs that are flags; every other input is text. Names match the CLI's flags. */
const FLAGS = [
  'strict',
  'force',
  'latest',
  'use-os-hidden',
  'hide',
  'deactivate',
  'delete',
  'yes-i-really-know-what-i-do',
  'keep',
  'check-age',
  'detailed-exitcode',
  'dry-run',
]
const TEXTS = [
  'images',
  'cloud',
  'source-cacert',
  'tag',
  'filter',
  'max-age',
  'out',
  'concurrency',
  'import-timeout',
]

// getBooleanInput throws on an absent input; absent means the default, false.
const booleanInput = (name: string): boolean =>
  core.getInput(name) !== '' && core.getBooleanInput(name)

/** Every input read once, checked, and logged at debug level (secrets never). */
export function readInputs(): { command: CommandName; values: Values; cloudsYaml?: string } {
  const command = core.getInput('command') || 'validate'
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`Unknown command '${command}'; expected one of: ${COMMANDS.join(', ')}`)
  }
  const values: Values = {
    images: 'etc/images/',
    tag: 'managed_by_osism',
    'max-age': '90',
    concurrency: '4',
    'import-timeout': '1800',
  }
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

export async function run(): Promise<void> {
  try {
    const { command, values, cloudsYaml } = readInputs()
    const reporter = createActionsReporter()
    let code: number
    if (command === 'validate') {
      code = await validateCommand(
        { images: values.images as string, strict: values.strict === true },
        reporter,
      )
      core.setOutput('result', code === 0 ? 'valid' : 'invalid')
      if (code !== 0) core.setFailed('Image definitions are invalid: see the annotations.')
      return
    }
    const cloud = cloudsYaml ? { cloudsYaml } : {}
    if (command === 'apply') {
      code = await applyCommand({ ...applyCommandOptions(values), ...cloud }, reporter)
      core.setOutput('result', code === 0 ? 'applied' : code === 1 ? 'failed' : 'error')
      if (code !== 0) core.setFailed('apply did not complete: see the report above.')
      return
    }
    const token = core.getInput('github-token')
    const comment = booleanInput('comment') && token !== ''
    code = await planCommand(
      { ...planCommandOptions(values), ...cloud },
      reporter,
      async (plan) => {
        if (!comment) return
        // The comment is a courtesy: the plan is in the log and the summary anyway.
        try {
          const posted = await publishPlanComment(plan, token)
          if (posted) core.info(`Plan comment ${posted.operation}: ${posted.url}`)
        } catch (error) {
          core.warning(`Could not post the plan comment: ${getErrorMessage(error)}`)
        }
      },
    )
    core.setOutput('result', code === 1 ? 'invalid' : 'planned')
    if (code === 1) core.setFailed('Image definitions are invalid: see the annotations.')
  } catch (error) {
    core.setFailed(getErrorMessage(error))
  }
}
