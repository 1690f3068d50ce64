// The action's inputs, the only place that reads them: the chosen command's options
// (named and defaulted by its option table) and the inputs only the action has.
import * as core from '@actions/core'
import type { OptionSpec, Values } from '../options/table.js'
import { tables } from '../options/tables.js'
import { REVIEWED_PLAN_MODES, type ReviewedPlanMode } from './reviewed-plan.js'

export const ACTION_COMMANDS = [
  'validate',
  'plan',
  'apply',
  'update',
  'lifecycle',
  'check',
] as const
export type ActionCommand = (typeof ACTION_COMMANDS)[number]

interface ActionOnlyInput {
  kind: 'flag' | 'text'
  /**
   * action.yml's default (a test checks). A text input that is absent (outside a
   * runner) takes it unless it is an expression only a runner evaluates; an absent
   * flag is false.
   */
  default?: string
}

/** The inputs that are no command option; action.yml declares exactly these besides the tables' inputs. */
export const ACTION_ONLY_INPUTS = {
  command: { kind: 'text', default: 'validate' },
  'clouds-yaml': { kind: 'text' },
  comment: { kind: 'flag', default: 'true' },
  'github-token': { kind: 'text', default: '${{ github.token }}' },
  token: { kind: 'text' },
  'pull-request-per': { kind: 'text', default: 'file' },
  labels: { kind: 'text' },
  'lifecycle-issue': { kind: 'flag', default: 'false' },
  'check-issue': { kind: 'flag', default: 'false' },
  'reviewed-plan': { kind: 'text', default: 'report' },
} satisfies Record<string, ActionOnlyInput>

export interface ActionInputs {
  command: ActionCommand
  /** The command's options by CLI flag name, defaults filled in as the CLI fills them. */
  values: Values
  /** A whole clouds.yaml (masked). */
  cloudsYaml?: string
  comment: boolean
  githubToken: string
  /** `update`'s own token (masked); empty: githubToken. */
  token: string
  pullRequestPer: string
  labels: string
  lifecycleIssue: boolean
  /** check: keep the cloud's tracking issue. */
  checkIssue: boolean
  /** apply on a push: `report` a plan that differs from the reviewed one, or `require` it to be the same. */
  reviewedPlan: ReviewedPlanMode
}

// getBooleanInput throws on an absent input; absent means false.
const booleanInput = (name: string): boolean =>
  core.getInput(name) !== '' && core.getBooleanInput(name)

function textInput(name: keyof typeof ACTION_ONLY_INPUTS): string {
  const spec: ActionOnlyInput = ACTION_ONLY_INPUTS[name]
  const fallback = spec.default?.startsWith('${{') ? undefined : spec.default
  return core.getInput(name) || fallback || ''
}

function optionValue(spec: OptionSpec): Values[string] {
  const { input } = spec
  if (spec.kind === 'flag') return input !== undefined && booleanInput(input)
  if (input === undefined) return spec.default
  if (spec.kind === 'repeated') {
    const lines = core.getMultilineInput(input)
    return lines.length > 0 ? lines : undefined
  }
  return core.getInput(input) || spec.default
}

/** The command's options from its inputs; options without an input keep their default. */
function readOptions(command: ActionCommand): { values: Values; logged: Values } {
  const values: Values = {}
  const logged: Values = {}
  for (const [name, spec] of Object.entries(tables[command].options)) {
    const value = optionValue(spec)
    if (value === undefined) continue
    values[name] = value
    if (spec.secret && typeof value === 'string') core.setSecret(value)
    else logged[name] = value
  }
  return { values, logged }
}

function readReviewedPlan(): ReviewedPlanMode {
  const mode = textInput('reviewed-plan')
  if (!(REVIEWED_PLAN_MODES as readonly string[]).includes(mode)) {
    throw new Error(
      `Unknown reviewed-plan '${mode}'; expected one of: ${REVIEWED_PLAN_MODES.join(', ')}`,
    )
  }
  return mode as ReviewedPlanMode
}

function readCommand(): ActionCommand {
  const command = textInput('command')
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) {
    throw new Error(`Unknown command '${command}'; expected one of: ${ACTION_COMMANDS.join(', ')}`)
  }
  return command as ActionCommand
}

/** Every input read once, secrets masked, and logged at debug level (secrets never). */
export function readInputs(): ActionInputs {
  const command = readCommand()
  const { values, logged } = readOptions(command)
  const cloudsYaml = textInput('clouds-yaml')
  const token = textInput('token')
  const githubToken = textInput('github-token')
  for (const secret of [cloudsYaml, token]) if (secret) core.setSecret(secret)
  // The runner masks github.token itself; update pushes with whatever it is given.
  if (command === 'update' && !token && githubToken) core.setSecret(githubToken)
  const inputs: ActionInputs = {
    command,
    values,
    ...(cloudsYaml ? { cloudsYaml } : {}),
    comment: booleanInput('comment'),
    githubToken,
    token,
    pullRequestPer: textInput('pull-request-per'),
    labels: textInput('labels'),
    lifecycleIssue: booleanInput('lifecycle-issue'),
    checkIssue: booleanInput('check-issue'),
    reviewedPlan: readReviewedPlan(),
  }
  const { comment, pullRequestPer, labels, lifecycleIssue, checkIssue, reviewedPlan } = inputs
  core.debug(
    `inputs: ${JSON.stringify({ command, ...logged, comment, pullRequestPer, labels, lifecycleIssue, checkIssue, reviewedPlan })}`,
  )
  return inputs
}
