// The action: inputs -> the same typed options the CLI builds -> a command.
import * as core from '@actions/core'
import { validateCommand } from './commands/validate.js'
import { createActionsReporter } from './github/actions-reporter.js'
import { getErrorMessage } from './problems.js'

const COMMANDS = ['validate'] as const
type CommandName = (typeof COMMANDS)[number]

export interface ActionInputs {
  command: CommandName
  images: string
  strict: boolean
}

// getBooleanInput throws on an absent input; absent means the default, false.
const booleanInput = (name: string): boolean =>
  core.getInput(name) !== '' && core.getBooleanInput(name)

/** Every input read once, checked, and logged at debug level. */
export function readInputs(): ActionInputs {
  const command = core.getInput('command') || 'validate'
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`Unknown command '${command}'; expected one of: ${COMMANDS.join(', ')}`)
  }
  const inputs: ActionInputs = {
    command: command as CommandName,
    images: core.getInput('images') || 'etc/images/',
    strict: booleanInput('strict'),
  }
  core.debug(`inputs: ${JSON.stringify(inputs)}`)
  return inputs
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const reporter = createActionsReporter()
    const code = await validateCommand({ images: inputs.images, strict: inputs.strict }, reporter)
    core.setOutput('result', code === 0 ? 'valid' : 'invalid')
    if (code !== 0) core.setFailed('Image definitions are invalid: see the annotations.')
  } catch (error) {
    core.setFailed(getErrorMessage(error))
  }
}
