// The command line: argv -> typed options -> the same command code the action runs.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import {
  applyCommandOptions,
  planCommandOptions,
  rotatedDefaults,
  type Values,
} from '../options/values.js'
import { getErrorMessage, UserError } from '../problems.js'
import { createTerminalReporter, type TerminalStreams } from './terminal-reporter.js'
import type { Reporter } from '../reporter.js'

type Options = NonNullable<ParseArgsConfig['options']>

interface Command {
  summary: string
  usage: string
  options: Options
  help: Record<string, string>
  /** Imports the command's module itself: validate or --help never load the cloud, S3 or upstream code. */
  run(values: Values, reporter: Reporter, io: TerminalStreams): Promise<number>
}

const flag = { type: 'boolean', default: false } as const
const text = (value?: string): { type: 'string'; default?: string } =>
  value === undefined ? { type: 'string' } : { type: 'string', default: value }

/** The S3 bucket flags of `mirror` and of `update --mirror-url`. */
const bucketOptions = {
  options: {
    endpoint: text(),
    region: text(),
    bucket: text(),
    prefix: text(),
    'path-style': flag,
    'access-key-id': text(),
    'secret-access-key': text(),
  },
  help: {
    '--endpoint URL': 'S3 endpoint (default: MIRROR_ENDPOINT, else AWS)',
    '--region REGION': 'S3 region (default: AWS_REGION, else us-east-1)',
    '--bucket NAME': 'the mirror bucket (default: MIRROR_BUCKET)',
    '--prefix PREFIX': 'key prefix inside the bucket',
    '--path-style': 'path-style requests (endpoint/bucket/key), as most non-AWS stores need',
    '--access-key-id ID': 'default: AWS_ACCESS_KEY_ID (prefer the variable)',
    '--secret-access-key KEY': 'default: AWS_SECRET_ACCESS_KEY (prefer the variable)',
  },
}

const catalogOptions = {
  options: { images: text('etc/images/'), strict: flag } satisfies Options,
  help: {
    '--images PATH': 'definition file, directory or glob (default: etc/images/)',
    '--strict': 'missing SCS-recommended meta keys are errors, not warnings',
  },
}

const planOptions = {
  options: {
    ...catalogOptions.options,
    cloud: text(),
    'source-cacert': text(),
    tag: text('managed_by_osism'),
    filter: text(),
    force: flag,
    latest: flag,
    'use-os-hidden': flag,
    'rotated-meta': { type: 'string', multiple: true },
    'rotated-hidden': flag,
    hide: flag,
    deactivate: flag,
    delete: flag,
    'yes-i-really-know-what-i-do': flag,
    keep: flag,
    'check-age': flag,
    'max-age': text('90'),
    out: text(),
    'detailed-exitcode': flag,
  } satisfies Options,
  help: {
    ...catalogOptions.help,
    '--cloud NAME': 'cloud in clouds.yaml (default: OS_CLOUD, or the OS_* variables)',
    '--source-cacert FILE':
      "PEM CA bundle trusted for image sources besides the system CAs (the cloud's cacert never is)",
    '--tag TAG': 'tag that marks managed images (default: managed_by_osism)',
    '--filter REGEX': 'only definitions and images whose name matches',
    '--force': 'include definitions with enable: false',
    '--latest': 'multi images: import only the newest version',
    '--use-os-hidden': 'hide every build but the newest from image lists (os_hidden)',
    '--rotated-meta KEY=VALUE':
      'multi images: property a build gets once a newer one takes its name (repeatable; SCS v2: os_purpose=oldgeneric)',
    '--rotated-hidden': 'multi images: hide (os_hidden) a build once a newer one takes its name',
    '--hide': 'make builds outside the retention window community',
    '--deactivate': 'deactivate builds outside the retention window',
    '--delete': 'delete builds outside the retention window (needs the next option)',
    '--yes-i-really-know-what-i-do': 'confirm --delete',
    '--keep': 'keep builds of versions a non-multi definition no longer lists',
    '--check-age':
      'report builds older than the newest definition build by more than --max-age days',
    '--max-age DAYS': 'for --check-age (default: 90)',
    '--out FILE': 'also write the plan as JSON to FILE',
    '--detailed-exitcode': 'exit 3 when the plan has changes, 0 when it has none',
  },
}

export const commands: Record<string, Command> = {
  validate: {
    summary: 'Check image definitions against the schema and the rules; point at each defect',
    usage:
      'image-manager validate [--images PATH] [--strict] [--check-urls [--changed FILE]... [--source-cacert FILE]]',
    options: {
      ...catalogOptions.options,
      'check-urls': flag,
      changed: { type: 'string', multiple: true },
      'source-cacert': text(),
    },
    help: {
      ...catalogOptions.help,
      '--check-urls':
        'also ask every url and mirror_url of enabled definitions (HEAD); dead ones are errors',
      '--changed FILE':
        'with --check-urls, only the definitions in FILE (repeatable or comma separated)',
      '--source-cacert FILE': planOptions.help['--source-cacert FILE'],
    },
    run: async (v, reporter) => {
      const { validateCommand, validateCommandOptions } = await import('../commands/validate.js')
      return validateCommand(validateCommandOptions(v), reporter)
    },
  },
  apply: {
    summary: 'Make the cloud match the definitions: run exactly the plan',
    usage: 'image-manager apply [--images PATH] [--cloud NAME] [--dry-run] [options]',
    options: {
      ...planOptions.options,
      'dry-run': flag,
      concurrency: text('4'),
      'import-timeout': text('1800'),
    },
    help: {
      ...planOptions.help,
      '--dry-run': 'print the plan, change nothing',
      '--concurrency N': 'definitions worked on at once (default: 4)',
      '--import-timeout SECONDS': 'how long one import may take (default: 1800)',
    },
    run: async (v, reporter, io) => {
      const { applyCommand } = await import('../commands/apply.js')
      return applyCommand({ ...applyCommandOptions(v), color: Boolean(io.out.isTTY) }, reporter)
    },
  },
  list: {
    summary: 'List the managed images of a cloud',
    usage: 'image-manager list [--cloud NAME] [--tag TAG]',
    options: { cloud: planOptions.options.cloud, tag: planOptions.options.tag },
    help: {
      '--cloud NAME': planOptions.help['--cloud NAME'],
      '--tag TAG': planOptions.help['--tag TAG'],
    },
    run: async (v, reporter) => {
      const { listCommand } = await import('../commands/list.js')
      return listCommand(
        { tag: v.tag as string, ...(v.cloud ? { cloud: v.cloud as string } : {}) },
        reporter,
      )
    },
  },
  share: {
    summary: 'Share an image with a project or every project of a domain, or take the share back',
    usage:
      'image-manager share --image NAME (--project P | --all-projects) [--domain D] [--remove]',
    options: {
      cloud: planOptions.options.cloud,
      image: text(),
      project: text(),
      'all-projects': flag,
      domain: text('default'),
      remove: flag,
      'dry-run': flag,
    },
    help: {
      '--cloud NAME': planOptions.help['--cloud NAME'],
      '--image NAME': 'the image, by name or id',
      '--project P': 'the consumer project, by name or id',
      '--all-projects': 'every project of --domain instead of one',
      '--domain D': 'domain of the project(s), by name or id (default: default)',
      '--remove': 'take the share back',
      '--dry-run': 'say what would change, change nothing',
    },
    run: async (v, reporter) => {
      if (!v.image) throw new UserError('share needs --image NAME')
      if (!v.project === !v['all-projects']) {
        throw new UserError('share needs exactly one of --project P or --all-projects')
      }
      const { shareCommand } = await import('../commands/share.js')
      return shareCommand(
        {
          image: v.image as string,
          ...(v.project ? { project: v.project as string } : {}),
          domain: v.domain as string,
          action: v.remove ? 'del' : 'add',
          dryRun: v['dry-run'] === true,
          ...(v.cloud ? { cloud: v.cloud as string } : {}),
        },
        reporter,
      )
    },
  },
  mirror: {
    summary: 'Copy every build into the S3 mirror bucket, verified on the way; skip mirrored ones',
    usage:
      'image-manager mirror --bucket NAME [--images PATH] [--filter REGEX] [--dry-run] [--endpoint URL] [options]',
    options: {
      images: catalogOptions.options.images,
      filter: text(),
      'dry-run': flag,
      ...bucketOptions.options,
      'source-cacert': text(),
    },
    help: {
      '--images PATH': catalogOptions.help['--images PATH'],
      '--filter REGEX': 'only definitions whose name matches',
      '--dry-run': 'list what would be uploaded, upload nothing',
      ...bucketOptions.help,
      '--source-cacert FILE': planOptions.help['--source-cacert FILE'],
    },
    run: async (v, reporter) => {
      const { mirrorCommand, mirrorCommandOptions } = await import('../commands/mirror.js')
      return mirrorCommand(mirrorCommandOptions(v), reporter)
    },
  },
  update: {
    summary: 'Bump tracked definitions (latest_url) to the newest upstream build, in place',
    usage:
      'image-manager update [--images PATH] [--filter REGEX] [--dry-run] [--output json] [--cache-dir DIR] [--mirror-url URL --bucket NAME ...]',
    options: {
      images: catalogOptions.options.images,
      filter: text(),
      'dry-run': flag,
      output: text('text'),
      'source-cacert': text(),
      'cache-dir': text(),
      'mirror-url': text(),
      ...bucketOptions.options,
    },
    help: {
      '--images PATH': catalogOptions.help['--images PATH'],
      '--filter REGEX': 'only definitions whose name matches',
      '--dry-run': 'say what would change, write nothing',
      '--output FORMAT': 'text (default) or json: one object per tracked definition on stdout',
      '--source-cacert FILE': planOptions.help['--source-cacert FILE'],
      '--cache-dir DIR':
        'keep ETag / Last-Modified and bodies here between runs: an unchanged upstream answers 304',
      '--mirror-url URL':
        "mirror each new build to the bucket first; URL is the bucket's public url (mirror_url = URL/key)",
      ...bucketOptions.help,
    },
    run: async (v, reporter, io) => {
      if (v.output !== 'text' && v.output !== 'json')
        throw new UserError(`--output must be text or json, not '${String(v.output)}'`)
      const { updateCommand, updateMirrorOf } = await import('../commands/update.js')
      return updateCommand(
        {
          images: v.images as string,
          ...(v.filter !== undefined ? { filter: v.filter as string } : {}),
          dryRun: v['dry-run'] === true,
          output: v.output,
          ...(v['source-cacert'] ? { sourceCacert: v['source-cacert'] as string } : {}),
          ...(v['cache-dir'] ? { cacheDir: v['cache-dir'] as string } : {}),
          ...(v['mirror-url'] ? { mirror: updateMirrorOf(v) } : {}),
          write: (t) => io.out.write(t),
        },
        reporter,
      )
    },
  },
  check: {
    summary:
      "Check the cloud's public and community images against SCS image metadata (scs-0102 v2)",
    usage: 'image-manager check [--cloud NAME] [--images PATH] [--tag TAG] [--output text|json]',
    options: {
      cloud: planOptions.options.cloud,
      images: text(),
      strict: flag,
      tag: text(),
      output: text('text'),
      'rotated-meta': planOptions.options['rotated-meta'],
      'rotated-hidden': flag,
    },
    help: {
      '--cloud NAME': planOptions.help['--cloud NAME'],
      '--images PATH': 'also check the images these definitions describe that the cloud lacks',
      '--strict': catalogOptions.help['--strict'],
      '--tag TAG': 'only images with this tag (default: every public and community image)',
      '--output FORMAT': 'text (default: one line per rule) or json',
      '--rotated-meta KEY=VALUE': "as for plan: shapes the catalog's images with --images",
      '--rotated-hidden': "as for plan: shapes the catalog's images with --images",
    },
    run: async (v, reporter) => {
      const rotated = rotatedDefaults(v)
      const { checkCommand, checkOutput } = await import('../commands/check.js')
      return checkCommand(
        {
          strict: v.strict === true,
          output: checkOutput(v.output as string),
          ...(v.images ? { images: v.images as string } : {}),
          ...(v.tag ? { tag: v.tag as string } : {}),
          ...(v.cloud ? { cloud: v.cloud as string } : {}),
          ...(rotated ? { rotated } : {}),
        },
        reporter,
      )
    },
  },
  plan: {
    summary: 'Show what apply would change in the cloud: imports, renames, updates, retention',
    usage: 'image-manager plan [--images PATH] [--cloud NAME] [options]',
    ...planOptions,
    run: async (v, reporter, io) => {
      const { planCommand } = await import('../commands/plan.js')
      return planCommand({ ...planCommandOptions(v), color: Boolean(io.out.isTTY) }, reporter)
    },
  },
  lifecycle: {
    summary: 'Compare the catalog with endoflife.date: missing releases, images past end of life',
    usage: 'image-manager lifecycle [--images PATH] [--output json|markdown] [--eol-url URL]',
    options: { ...catalogOptions.options, output: text('markdown'), 'eol-url': text() },
    help: {
      ...catalogOptions.help,
      '--output FORMAT': 'markdown (default) or json',
      '--eol-url URL':
        'base url of the endoflife.date API or a mirror (default: https://endoflife.date)',
    },
    run: async (v, reporter) => {
      const { lifecycleCommand, lifecycleCommandOptions } = await import('../commands/lifecycle.js')
      return lifecycleCommand(lifecycleCommandOptions(v), reporter)
    },
  },
  catalog: {
    summary: "Write the catalog page for the cloud's users: one table as Markdown and static HTML",
    usage: 'image-manager catalog [--images PATH] [--cloud NAME] [--html FILE] [--markdown FILE]',
    options: {
      ...catalogOptions.options,
      cloud: planOptions.options.cloud,
      tag: planOptions.options.tag,
      html: text(),
      markdown: text(),
    },
    help: {
      ...catalogOptions.help,
      '--cloud NAME': "also show each image's UUID and visibility in this cloud",
      '--tag TAG': planOptions.help['--tag TAG'],
      '--html FILE': 'write a static HTML page (no scripts)',
      '--markdown FILE': 'write the Markdown table (printed when neither file is given)',
    },
    run: async (v, reporter) => {
      const { catalogCommand } = await import('../commands/catalog.js')
      return catalogCommand(
        {
          images: v.images as string,
          strict: v.strict === true,
          withCloud: Boolean(v.cloud),
          tag: v.tag as string,
          ...(v.cloud ? { cloud: v.cloud as string } : {}),
          ...(v.html ? { html: v.html as string } : {}),
          ...(v.markdown ? { markdown: v.markdown as string } : {}),
        },
        reporter,
      )
    },
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

/** A command's flags -> their values (defaults filled in); throws on unknown or malformed flags. */
export function parseCommandOptions(command: Command, args: readonly string[]): Values {
  return parseArgs({
    args: [...args],
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
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
    io.err.write(`${getErrorMessage(error)}\n\n${commandHelp(command)}\n`)
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
