// What an option table says about one option: its CLI flag, kind, default,
// help line and action input; the CLI and the action both read these.
import { UserError } from '../problems.js'

/** Parsed flags or inputs: strings, repeated strings and booleans by option (CLI flag) name. */
export type Values = Record<string, string | string[] | boolean | undefined>

export interface OptionSpec {
  /** `flag` is a boolean (default false); `repeated` may be given more than once. */
  kind: 'flag' | 'text' | 'repeated'
  /** Default of a text option; the action uses it too when the input is absent. */
  default?: string
  /** Placeholder after the flag in the help: `--images PATH`. */
  arg?: string
  /** The help line, as `--help` prints it. */
  help: string
  /** The action input of this option, when the action has one. */
  input?: string
  /** Masked in the action's logs. */
  secret?: boolean
}

/** One command's options by CLI flag name, in help order. */
export type OptionTable = Record<string, OptionSpec>

export interface CommandTable {
  summary: string
  usage: string
  options: OptionTable
}

type Extra = Pick<OptionSpec, 'input' | 'secret'>

/** A boolean option (false unless given); extras such as its action input. */
export const flag = (help: string, extra: Extra = {}): OptionSpec => ({
  kind: 'flag',
  help,
  ...extra,
})

/** A text option with a placeholder, an optional default and extras such as its input. */
export const text = (
  arg: string,
  help: string,
  defaultValue?: string,
  extra: Extra = {},
): OptionSpec => ({
  kind: 'text',
  arg,
  help,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
  ...extra,
})

/** A repeatable text option (one per line as an action input). */
export const repeated = (arg: string, help: string, extra: Extra = {}): OptionSpec => ({
  kind: 'repeated',
  arg,
  help,
  ...extra,
})

/** The same options, each with an action input named by `inputName`. */
export function withInputs(table: OptionTable, inputName: (name: string) => string): OptionTable {
  return Object.fromEntries(
    Object.entries(table).map(([name, spec]) => [name, { ...spec, input: inputName(name) }]),
  )
}

/** The same options without action inputs (for commands the action does not run). */
export function withoutInputs(table: OptionTable): OptionTable {
  return Object.fromEntries(
    Object.entries(table).map(([name, { input: _input, ...spec }]) => [name, spec]),
  )
}

/** The value of an option that takes one of a few words; a usage error names them. */
export function oneOf<T extends string>(
  name: string,
  value: Values[string],
  words: readonly T[],
): T {
  if (!(words as readonly unknown[]).includes(value)) {
    throw new UserError(`--${name} must be ${words.join(' or ')}, not '${String(value)}'`)
  }
  return value as T
}

/** Help line label: `--images PATH`. */
export const helpLabel = (name: string, spec: OptionSpec): string =>
  spec.arg ? `--${name} ${spec.arg}` : `--${name}`
