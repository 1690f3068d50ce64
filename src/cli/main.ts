// The command line: argv -> typed options -> the same command code the action runs.
// Flags, defaults and help come from the option tables (src/options/).
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { mirrorCommandOptions, updateCommandOptions } from '../options/bucket.js'
import {
  catalogCommandOptions,
  checkCommandOptions,
  lifecycleCommandOptions,
  listCommandOptions,
  shareCommandOptions,
  validateCommandOptions,
} from '../options/convert.js'
import { applyCommandOptions, planCommandOptions } from '../options/plan.js'
import { helpLabel, type CommandTable, type OptionTable, type Values } from '../options/table.js'
import { tables, type CommandName } from '../options/tables.js'
import { withoutUserinfo } from '../http/secrets.js'
import { getErrorMessage, UserError } from '../problems.js'
import { createTerminalReporter, type TerminalStreams } from './terminal-reporter.js'
import type { Reporter } from '../reporter.js'

type Run = (values: Values, reporter: Reporter, io: TerminalStreams) => Promise<number>

interface Command extends CommandTable {
  /** Imports the command's module itself: validate or --help never load the cloud, S3 or upstream code. */
  run: Run
}

const runners: Record<CommandName, Run> = {
  validate: async (v, reporter) => {
    const { validateCommand } = await import('../commands/validate.js')
    return validateCommand(validateCommandOptions(v), reporter)
  },
  apply: async (v, reporter, io) => {
    const { applyCommand } = await import('../commands/apply.js')
    return applyCommand({ ...applyCommandOptions(v), color: Boolean(io.out.isTTY) }, reporter)
  },
  list: async (v, reporter) => {
    const { listCommand } = await import('../commands/list.js')
    return listCommand(listCommandOptions(v), reporter)
  },
  share: async (v, reporter) => {
    const options = shareCommandOptions(v)
    const { shareCommand } = await import('../commands/share.js')
    return shareCommand(options, reporter)
  },
  mirror: async (v, reporter) => {
    const { mirrorCommand } = await import('../commands/mirror.js')
    return mirrorCommand(mirrorCommandOptions(v), reporter)
  },
  update: async (v, reporter, io) => {
    const options = updateCommandOptions(v)
    const { updateCommand } = await import('../commands/update.js')
    return updateCommand({ ...options, write: (t) => io.out.write(t) }, reporter)
  },
  check: async (v, reporter) => {
    const options = checkCommandOptions(v)
    const { checkCommand } = await import('../commands/check.js')
    return checkCommand(options, reporter)
  },
  plan: async (v, reporter, io) => {
    const { planCommand } = await import('../commands/plan.js')
    return planCommand({ ...planCommandOptions(v), color: Boolean(io.out.isTTY) }, reporter)
  },
  lifecycle: async (v, reporter) => {
    const { lifecycleCommand } = await import('../commands/lifecycle.js')
    return lifecycleCommand(lifecycleCommandOptions(v), reporter)
  },
  catalog: async (v, reporter) => {
    const { catalogCommand } = await import('../commands/catalog.js')
    return catalogCommand(catalogCommandOptions(v), reporter)
  },
}

export const commands: Record<string, Command> = Object.fromEntries(
  Object.entries(tables).map(([name, table]) => [
    name,
    { ...table, run: runners[name as CommandName] },
  ]),
)

type Options = NonNullable<ParseArgsConfig['options']>

/** A table as node:util parseArgs options: flags default to false, texts to the table's default. */
function parseArgsOptions(table: OptionTable): Options {
  const entries = Object.entries(table).map(([name, spec]) => {
    if (spec.kind === 'flag') return [name, { type: 'boolean', default: false }] as const
    if (spec.kind === 'repeated') return [name, { type: 'string', multiple: true }] as const
    const value = spec.default === undefined ? {} : { default: spec.default }
    return [name, { type: 'string', ...value }] as const
  })
  return Object.fromEntries(entries)
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length))
  return [
    'Usage: image-manager <command> [options]',
    '',
    'Keeps an OpenStack Glance image catalog in line with YAML image definitions.',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'image-manager <command> --help' for a command's options.",
    'Exit codes: 0 ok, 1 invalid definitions or failed changes, 2 usage or configuration error.',
  ].join('\n')
}

function commandHelp(c: Command): string {
  const rows = {
    ...Object.fromEntries(Object.entries(c.options).map(([n, o]) => [helpLabel(n, o), o.help])),
    '-h, --help': 'show this help',
  }
  const width = Math.max(...Object.keys(rows).map((k) => k.length))
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary,
    '',
    'Options:',
    ...Object.entries(rows).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
  ].join('\n')
}

/** A command's flags -> their values (defaults filled in); throws on unknown or malformed flags. */
export function parseCommandOptions(command: Command, args: readonly string[]): Values {
  return parseArgs({
    args: [...args],
    options: { ...parseArgsOptions(command.options), help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
    strict: true,
  }).values as Values
}

/** Runs the CLI; returns the exit code. Never throws for user mistakes. */
export async function main(argv: readonly string[], io: TerminalStreams): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(`${usage()}\n`)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    const names = Object.keys(commands).join(', ')
    // `image-manager --cloud x ...` is the old tool's command line: say where it works.
    io.err.write(
      name.startsWith('-')
        ? `image-manager needs a command before its options: one of ${names} (e.g. image-manager apply ${name} ...). The command line of openstack-image-manager, without a command, works with the openstack-image-manager bin.\n`
        : `Unknown command '${name}'; expected one of: ${names}\n`,
    )
    return 2
  }
  let values: Values
  try {
    values = parseCommandOptions(command, rest)
  } catch (error) {
    io.err.write(`${withoutUserinfo(getErrorMessage(error))}\n\n${commandHelp(command)}\n`)
    return 2
  }
  if (values.help) {
    io.out.write(`${commandHelp(command)}\n`)
    return 0
  }
  const reporter = createTerminalReporter(io)
  try {
    return await command.run(values, reporter, io)
  } catch (error) {
    // One line for the person at the terminal; the stack only when asked for.
    // Through the reporter: a secret the client learnt is masked here too.
    reporter.error(getErrorMessage(error))
    if (process.env.IMAGE_MANAGER_DEBUG && error instanceof Error) reporter.error(`${error.stack}`)
    return error instanceof UserError ? error.exitCode : 1
  }
}
