// The openstack-image-manager bin: old command lines become the same command
// and the same flag values as the equivalent image-manager command line.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { compatFlags, compatMain, translate, type Translation } from '../../../src/cli/compat.js'
import { commands, main, parseCommandOptions } from '../../../src/cli/main.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
const noEnv = {}

/** The old tool's flags and defaults, as its CLI (typer) declares them. */
const documented: Record<string, boolean | string | undefined> = {
  debug: false,
  'dry-run': false,
  'check-age': false,
  'max-age': '90',
  latest: false,
  keep: false,
  cloud: 'openstack',
  images: 'etc/images/',
  tag: 'managed_by_osism',
  filter: undefined,
  deactivate: false,
  hide: false,
  force: false,
  delete: false,
  'yes-i-really-know-what-i-do': false,
  'use-os-hidden': false,
  'share-image': undefined,
  'share-action': 'add',
  'share-domain': 'default',
  'share-target': undefined,
  'share-type': 'project',
  check: true,
  'check-only': false,
  'stuck-retry': '0',
  prefetch: 'on-stuck',
  'import-timeout': '1800',
}

function translated(argv: string[], env: NodeJS.ProcessEnv = noEnv): Translation {
  const t = translate(argv, env)
  if (t.help) throw new Error('unexpected --help')
  return t
}

/** A command line as what main() would run: the command and every flag value. */
function parsed(argv: readonly string[]) {
  const [name, ...rest] = argv
  const command = commands[name as string]
  if (!command) throw new Error(`no command ${name}`)
  return { name, values: parseCommandOptions(command, rest) }
}

/** Old command line and the image-manager command line that must mean the same. */
const equivalents: [old: string[], ours: string[]][] = [
  [
    ['--cloud', 'openstack', '--filter', '.*Cirr.*', '--images', 'images/'],
    ['apply', '--cloud', 'openstack', '--filter', '.*Cirr.*', '--images', 'images/'],
  ],
  [
    ['--cloud', 'openstack', '--filter', '.*Cirr.*', '--images', 'images/', '--dry-run'],
    ['plan', '--cloud', 'openstack', '--filter', '.*Cirr.*', '--images', 'images/'],
  ],
  [
    ['--check-only', '--images', 'images/', '--cloud', 'ignored', '--hide'],
    ['validate', '--images', 'images/'],
  ],
  [[], ['apply', '--cloud', 'openstack', '--images', 'etc/images/']],
  [
    ['--share-image', 'NAME', '--share-target', 'PROJECT'],
    ['share', '--image', 'NAME', '--project', 'PROJECT', '--cloud', 'openstack'],
  ],
  [
    ['--share-image=NAME', '--share-target=PROJECT', '--share-domain', 'dom', '--images', 'x/'],
    ['share', '--image', 'NAME', '--project', 'PROJECT', '--domain', 'dom', '--cloud', 'openstack'],
  ],
  [
    ['--share-image', 'N', '--share-type', 'domain', '--share-target', 'D'],
    ['share', '--image', 'N', '--all-projects', '--domain', 'D', '--cloud', 'openstack'],
  ],
  [
    ['--share-image', 'N', '--share-target', 'P', '--share-action', 'del', '--dry-run'],
    ['share', '--image', 'N', '--project', 'P', '--remove', '--dry-run', '--cloud', 'openstack'],
  ],
  [
    ['--hide', '--no-hide'],
    ['apply', '--cloud', 'openstack'],
  ],
  [
    ['--no-hide', '--hide'],
    ['apply', '--cloud', 'openstack', '--hide'],
  ],
  [['--no-hide'], ['apply', '--cloud', 'openstack']],
  [
    ['--check-age', '--max-age=30'],
    ['apply', '--cloud', 'openstack', '--check-age', '--max-age', '30'],
  ],
  [
    ['--max-age', '30'],
    ['apply', '--cloud', 'openstack', '--max-age', '30'],
  ],
  [
    ['--delete', '--yes-i-really-know-what-i-do', '--latest', '--keep', '--use-os-hidden'],
    [
      'apply',
      '--cloud',
      'openstack',
      '--delete',
      '--yes-i-really-know-what-i-do',
      '--latest',
      '--keep',
      '--use-os-hidden',
    ],
  ],
  [
    ['--deactivate', '--force', '--tag', 't', '--import-timeout', '60', '--cloud=c'],
    ['apply', '--deactivate', '--force', '--tag', 't', '--import-timeout', '60', '--cloud', 'c'],
  ],
  [
    ['--dry-run', '--import-timeout', '60', '--check', '--debug'],
    ['plan', '--cloud', 'openstack'],
  ],
]

describe('openstack-image-manager command line', () => {
  it('has every flag of the old tool, with its default there, and no other', () => {
    expect(
      Object.fromEntries(Object.entries(compatFlags).map(([name, f]) => [name, f.default])),
    ).toEqual(documented)
  })

  it.each(equivalents)('%j means the same as image-manager %j', (old, ours) => {
    expect(parsed(translated(old).argv)).toEqual(parsed(ours))
  })

  it('a different flag value makes a different command line (the comparison can fail)', () => {
    expect(parsed(translated(['--hide']).argv)).not.toEqual(
      parsed(['apply', '--cloud', 'openstack']),
    )
    expect(parsed(translated(['--max-age', '30']).argv)).not.toEqual(
      parsed(['apply', '--cloud', 'openstack']),
    )
  })

  it('every on/off flag takes --x and --no-x, the last one winning', () => {
    for (const [name, flag] of Object.entries(compatFlags)) {
      if (flag.kind !== 'boolean') continue
      expect(() => translate([`--${name}`, `--no-${name}`], noEnv), name).not.toThrow()
      expect(() => translate([`--no-${name}`, `--${name}`], noEnv), name).not.toThrow()
    }
    expect(translated(['--debug']).debug).toBe(true)
    expect(translated(['--debug', '--no-debug']).debug).toBe(false)
    expect(translated(['--check-only', '--no-check-only']).argv[0]).toBe('apply')
  })

  it('the cloud: --cloud, else the OS_* variables when OS_AUTH_URL is set, else openstack', () => {
    const env = { OS_AUTH_URL: 'http://keystone.example:5000/v3' }
    expect(parsed(translated([], env).argv).values.cloud).toBeUndefined()
    expect(parsed(translated(['--cloud', 'x'], env).argv).values.cloud).toBe('x')
    expect(parsed(translated([], noEnv).argv).values.cloud).toBe('openstack')
  })

  it('flags without meaning here are accepted and say once what happens instead', () => {
    expect(translated(['--no-check']).notes).toEqual([expect.stringMatching(/always validated/)])
    expect(translated(['--stuck-retry', '3']).notes).toEqual([
      expect.stringMatching(/--stuck-retry has no effect.*glance-direct/),
    ])
    expect(translated(['--prefetch=always', '--prefetch', 'never']).notes).toEqual([
      expect.stringMatching(/--prefetch has no effect/),
    ])
    // Their defaults, or --check, are what happens here anyway: nothing to say.
    expect(translated(['--check', '--stuck-retry', '0', '--prefetch', 'on-stuck']).notes).toEqual(
      [],
    )
  })
})

async function run(fn: typeof main, ...argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (c) => (stdout += c))
  err.on('data', (c) => (stderr += c))
  const code = await (fn === main ? main(argv, { out, err }) : compatMain(argv, { out, err }, {}))
  return { code, stdout, stderr }
}

describe('openstack-image-manager bin', () => {
  it('--check-only validates without a cloud: exit 0 valid, 1 invalid', async () => {
    const valid = await run(
      compatMain,
      '--check-only',
      '--images',
      `${fixtures}/valid/seed-cirros.yml`,
    )
    expect(valid).toMatchObject({ code: 0, stdout: expect.stringMatching(/✓ valid: 1 file/) })
    const invalid = await run(
      compatMain,
      '--check-only',
      `--images=${fixtures}/invalid/32-bad-format.yml`,
      '--no-check',
    )
    expect(invalid.code).toBe(1)
    expect(invalid.stdout).toMatch(/32-bad-format\.yml:5:13 {2}error/)
    expect(invalid.stderr.match(/^note: /gm)).toHaveLength(1)
  })

  it('usage errors exit 2 with one clear line and no stack trace', async () => {
    for (const [argv, message] of [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--max-age=abc'], /--max-age must be a whole number, not 'abc'/],
      [['--import-timeout', '-5'], /--import-timeout/],
      [['--share-action', 'remove'], /--share-action must be one of add, del, not 'remove'/],
      [['--share-type', 'group'], /--share-type must be one of project, domain/],
      [['--prefetch', 'sometimes'], /--prefetch must be one of never, on-stuck, always/],
      [['apply'], /Unexpected argument 'apply'/],
      [['--share-image', 'x'], /--share-image needs --share-target/],
      [['--cloud'], /--cloud/],
      [['--hide=yes'], /--hide/],
    ] as const) {
      const r = await run(compatMain, ...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr, argv.join(' ')).toMatch(message)
      expect(r.stderr).toMatch(/Run 'openstack-image-manager --help'/)
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('--help lists every flag and says which command each becomes', async () => {
    const r = await run(compatMain, '--help')
    expect(r.code).toBe(0)
    for (const name of Object.keys(compatFlags)) expect(r.stdout).toContain(`--${name}`)
    expect(r.stdout).toMatch(/--check-only is validate, --share-image is share, --dry-run is plan/)
  })
})

describe('image-manager without a command', () => {
  it('is a usage error, exit 2, that names the commands and the compatible bin', async () => {
    const r = await run(main, '--cloud', 'local-admin', '--images', 'examples/images', '--dry-run')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/needs a command.*validate, apply, list, share, .*check, .*plan/)
    expect(r.stderr).toMatch(/openstack-image-manager/)
  })
})

describe('docs/migrating.md', () => {
  const readme = readFileSync(
    path.resolve(import.meta.dirname, '../../../docs/migrating.md'),
    'utf8',
  )
  const section = /## Switching from openstack-image-manager\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1]

  it('has the switching section with a table row for every old flag', () => {
    expect(section).toBeDefined()
    const rows = (section ?? '').split('\n').filter((l) => l.startsWith('| `--'))
    const flags = rows.map((r) => /^\| `--([a-z-]+)/.exec(r)?.[1])
    expect(flags.sort()).toEqual(Object.keys(compatFlags).sort())
  })
})
