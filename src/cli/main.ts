// The command line: argv -> typed options -> the same command code the action runs.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { validateCommand } from '../commands/validate.js'
import { getErrorMessage, UserError } from '../problems.js'
import { createTerminalReporter, type TerminalStreams } from './terminal-reporter.js'
import type { Reporter } from '../reporter.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Values = Record<string, string | boolean | undefined>

interface Command {
  summary: string
  usage: string
  options: Options
  help: Record<string, string>
  run(values: Values, reporter: Reporter): Promise<number>
}

const imagesOption = {
  options: { images: { type: 'string', default: 'etc/images/' } } satisfies Options,
  help: { '--images PATH': 'definition file, directory or glob (default: etc/images/)' },
}

export const commands: Record<string, Command> = {
  validate: {
    summary: 'Check image definitions against the schema and the rules; point at each defect',
    usage: 'image-manager validate [--images PATH] [--strict]',
    options: { ...imagesOption.options, strict: { type: 'boolean', default: false } },
    help: {
      ...imagesOption.help,
      '--strict': 'missing SCS-recommended meta keys are errors, not warnings',
    },
    run: (v, reporter) =>
      validateCommand({ images: v.images as string, strict: v.strict === true }, reporter),
  },
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
  const rows = { ...c.help, '-h, --help': 'show this help' }
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

/** Runs the CLI; returns the exit code. Never throws for user mistakes. */
export async function main(argv: readonly string[], io: TerminalStreams): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(`${usage()}\n`)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    io.err.write(
      `Unknown command '${name}'; expected one of: ${Object.keys(commands).join(', ')}\n`,
    )
    return 2
  }
  let values: Values
  try {
    values = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }).values as Values
  } catch (error) {
    io.err.write(`${getErrorMessage(error)}\n\n${commandHelp(command)}\n`)
    return 2
  }
  if (values.help) {
    io.out.write(`${commandHelp(command)}\n`)
    return 0
  }
  const reporter = createTerminalReporter(io)
  try {
    return await command.run(values, reporter)
  } catch (error) {
    // One line for the person at the terminal; the stack only when asked for.
    io.err.write(`error: ${getErrorMessage(error)}\n`)
    if (process.env.IMAGE_MANAGER_DEBUG && error instanceof Error) io.err.write(`${error.stack}\n`)
    return error instanceof UserError ? error.exitCode : 1
  }
}
