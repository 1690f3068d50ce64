// The `openstack-image-manager` bin: the established tool's command line (one
// command, everything a flag) translated into an `image-manager` command line
// and run by the same main(), so both bins share every line of behaviour.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { getErrorMessage, UserError } from '../problems.js'
import { main } from './main.js'
import type { TerminalStreams } from './terminal-reporter.js'

interface BooleanFlag {
  kind: 'boolean'
  default: boolean
  /** What it does here, for --help and the README table. */
  here: string
}

interface ValueFlag {
  kind: 'value'
  default?: string
  /** The flag takes a whole number (the old tool's int options). */
  integer?: boolean
  choices?: readonly string[]
  here: string
}

export type CompatFlag = BooleanFlag | ValueFlag

const bool = (here: string, value = false): BooleanFlag => ({
  kind: 'boolean',
  default: value,
  here,
})
const value = <D extends string | undefined = undefined>(
  here: string,
  extra: Omit<ValueFlag, 'kind' | 'here' | 'default'> & { default?: D } = {},
): ValueFlag & { default: D } => ({ kind: 'value', here, ...extra }) as ValueFlag & { default: D }

/** Every flag of the established tool, with its default there, and what it becomes here. */
export const compatFlags = {
  debug: bool('debug lines on stderr'),
  'dry-run': bool('`plan` (with share flags: `share --dry-run`)'),
  'check-age': bool('`--check-age`'),
  'max-age': value('`--max-age DAYS`', { default: '90', integer: true }),
  latest: bool('`--latest`'),
  keep: bool('`--keep`'),
  cloud: value('`--cloud NAME`', { default: 'openstack' }),
  images: value('`--images PATH`', { default: 'etc/images/' }),
  tag: value('`--tag TAG`', { default: 'managed_by_osism' }),
  filter: value('`--filter REGEX`'),
  deactivate: bool('`--deactivate`'),
  hide: bool('`--hide`'),
  force: bool('`--force`'),
  delete: bool('`--delete`'),
  'yes-i-really-know-what-i-do': bool('`--yes-i-really-know-what-i-do`'),
  'use-os-hidden': bool('`--use-os-hidden`'),
  'share-image': value('`share --image NAME`'),
  'share-action': value('`add`: `share`; `del`: `share --remove`', {
    default: 'add',
    choices: ['add', 'del'],
  }),
  'share-domain': value('`share --domain D` (for `--share-type project`)', {
    default: 'default',
  }),
  'share-target': value(
    '`share --project P`; with `--share-type domain`: `share --all-projects --domain D`',
  ),
  'share-type': value('`project` or `domain`, see `--share-target`', {
    default: 'project',
    choices: ['project', 'domain'],
  }),
  check: bool('always on: every command validates the definitions first', true),
  'check-only': bool('`validate`'),
  'stuck-retry': value('no effect: a failed or stuck web-download falls back to glance-direct', {
    default: '0',
    integer: true,
  }),
  prefetch: value('no effect: web-download first, then glance-direct streamed from here', {
    default: 'on-stuck',
    choices: ['never', 'on-stuck', 'always'],
  }),
  'import-timeout': value('`apply --import-timeout SECONDS`', { default: '1800', integer: true }),
} satisfies Record<string, CompatFlag>

export type CompatFlagName = keyof typeof compatFlags

/** Flags accepted and kept for old command lines, with what happens instead (said once on stderr). */
const noEffect: Partial<Record<CompatFlagName, string>> = {
  check: '--no-check has no effect here: the definitions are always validated first',
  'stuck-retry':
    '--stuck-retry has no effect here: an import that fails or sticks in queued falls back once to glance-direct',
  prefetch:
    '--prefetch has no effect here: imports use web-download and fall back once to glance-direct, streamed from this machine (no aria2c, no temporary file)',
}

/** The image-manager command line that does what the old one did. */
export interface Translation {
  help: false
  argv: string[]
  notes: string[]
  debug: boolean
}

/** Flag values by name: booleans, strings, and undefined for a value flag without default. */
type Parsed = {
  [K in CompatFlagName]: (typeof compatFlags)[K] extends BooleanFlag
    ? boolean
    : (typeof compatFlags)[K]['default'] extends string
      ? string
      : string | undefined
}
type Values = Record<string, string | boolean | undefined>

function parseOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean' } }
  for (const [name, flag] of Object.entries(compatFlags) as [string, CompatFlag][]) {
    options[name] = { type: flag.kind === 'boolean' ? 'boolean' : 'string' }
    // Typer's `--x/--no-x`; accepted for every boolean, the last one given wins.
    if (flag.kind === 'boolean') options[`no-${name}`] = { type: 'boolean' }
  }
  return options
}

/** Old argv -> flag values in the order given (last wins), defaults for the rest. */
function parseCompat(argv: readonly string[]): { values: Values; given: Set<string> } {
  let tokens
  try {
    ;({ tokens } = parseArgs({
      args: [...argv],
      options: parseOptions(),
      allowPositionals: false,
      strict: true,
      tokens: true,
    }))
  } catch (error) {
    throw new UserError(getErrorMessage(error))
  }
  const values: Values = Object.fromEntries(
    Object.entries(compatFlags).map(([name, flag]) => [name, flag.default]),
  )
  const given = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const negated = token.name.startsWith('no-') && !(token.name in compatFlags)
    const name = negated ? token.name.slice(3) : token.name
    given.add(name)
    values[name] = token.value ?? !negated
  }
  for (const [name, flag] of Object.entries(compatFlags) as [string, CompatFlag][]) {
    const v = values[name]
    if (flag.kind !== 'value' || typeof v !== 'string') continue
    if (flag.integer && !/^\d+$/.test(v)) {
      throw new UserError(`--${name} must be a whole number, not '${v}'`)
    }
    if (flag.choices && !flag.choices.includes(v)) {
      throw new UserError(`--${name} must be one of ${flag.choices.join(', ')}, not '${v}'`)
    }
  }
  return { values, given }
}

/**
 * The cloud as the old tool chose it: --cloud, else the OS_* variables when
 * OS_AUTH_URL is set, else the cloud `openstack`. (An explicit --cloud wins
 * over OS_AUTH_URL here; the old tool ignored it then.)
 */
function cloudArgs(v: Parsed, given: Set<string>, env: NodeJS.ProcessEnv): string[] {
  if (!given.has('cloud') && env.OS_AUTH_URL) return []
  return ['--cloud', v.cloud]
}

function shareArgs(v: Parsed, cloud: string[]): string[] {
  if (!v['share-target']) {
    throw new UserError(
      `--share-image needs --share-target: the project (or, with --share-type domain, the domain) to share with`,
    )
  }
  return [
    'share',
    '--image',
    v['share-image'] as string,
    ...(v['share-type'] === 'domain'
      ? ['--all-projects', '--domain', v['share-target']]
      : ['--project', v['share-target'], '--domain', v['share-domain']]),
    ...(v['share-action'] === 'del' ? ['--remove'] : []),
    ...(v['dry-run'] ? ['--dry-run'] : []),
    ...cloud,
  ]
}

/** Flags plan and apply share, under the same names. */
const catalogBooleans = [
  'force',
  'latest',
  'use-os-hidden',
  'hide',
  'deactivate',
  'delete',
  'yes-i-really-know-what-i-do',
  'keep',
  'check-age',
] as const satisfies readonly CompatFlagName[]

function planArgs(v: Parsed, cloud: string[]): string[] {
  return [
    '--images',
    v.images,
    '--tag',
    v.tag,
    ...cloud,
    ...(v.filter ? ['--filter', v.filter] : []),
    ...catalogBooleans.filter((name) => v[name]).map((name) => `--${name}`),
    '--max-age',
    v['max-age'],
  ]
}

/**
 * The old tool's argv -> the image-manager argv that does the same:
 * --check-only is `validate`, --share-image is `share`, --dry-run is `plan`,
 * anything else is `apply` (the order in which the old tool decided).
 */
export function translate(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Translation | { help: true } {
  const { values, given } = parseCompat(argv)
  if (values.help === true) return { help: true }
  const v = values as Parsed
  const notes = (Object.keys(noEffect) as CompatFlagName[])
    .filter((name) => given.has(name) && values[name] !== compatFlags[name].default)
    .map((name) => noEffect[name] as string)
  const cloud = cloudArgs(v, given, env)
  const command = v['check-only']
    ? ['validate', '--images', v.images]
    : v['share-image']
      ? shareArgs(v, cloud)
      : v['dry-run']
        ? ['plan', ...planArgs(v, cloud)]
        : ['apply', ...planArgs(v, cloud), '--import-timeout', v['import-timeout']]
  return { help: false, argv: command, notes, debug: v.debug }
}

function compatHelp(): string {
  const rows = Object.entries(compatFlags).map(([name, flag]: [string, CompatFlag]) => {
    const left =
      flag.kind === 'boolean'
        ? flag.default
          ? `--${name}/--no-${name}`
          : `--${name}`
        : `--${name} ${flag.choices ? flag.choices.join('|') : flag.integer ? 'N' : 'TEXT'}`
    const def =
      flag.default === undefined || flag.default === false
        ? ''
        : ` [default: ${String(flag.default)}]`
    return [left, `${flag.here.replace(/`/g, '')}${def}`] as const
  })
  const width = Math.max(...rows.map(([left]) => left.length))
  return [
    'Usage: openstack-image-manager [options]',
    '',
    'The command line of osism/openstack-image-manager, run by image-manager:',
    '--check-only is validate, --share-image is share, --dry-run is plan, otherwise apply.',
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    `  ${'--help'.padEnd(width)}  show this help`,
    '',
    'Every on/off flag also takes --no-NAME; the last one given wins.',
    'Exit codes: 0 ok, 1 invalid definitions or failed changes, 2 usage or configuration error.',
  ].join('\n')
}

/** Runs the old command line through image-manager's main(); returns the exit code. */
export async function compatMain(
  argv: readonly string[],
  io: TerminalStreams,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let translation: Translation | { help: true }
  try {
    translation = translate(argv, env)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    io.err.write(`error: ${error.message}\nRun 'openstack-image-manager --help' for its options.\n`)
    return 2
  }
  if (translation.help) {
    io.out.write(`${compatHelp()}\n`)
    return 0
  }
  for (const note of translation.notes) io.err.write(`note: ${note}\n`)
  return main(translation.argv, translation.debug ? { ...io, verbose: true } : io)
}
