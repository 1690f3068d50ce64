// Both bins as a user runs them: processes of the built bundle. The
// openstack-image-manager bin has no bundle of its own (a small file that loads
// the image-manager one), so these check it still reads the old tool's command
// line, also when started through a link named after it, as npm installs bins.
import { execFile } from 'node:child_process'
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshBundle } from '../../support/bundle.js'
import { cloudsYaml } from '../../support/raw-glance.js'
import { uniqueTag, workdir, type Workdir } from '../apply/support.js'

const root = path.resolve(import.meta.dirname, '../../..')
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
}
let work: Workdir
const bins: Record<'image-manager' | 'openstack-image-manager', string> = {
  'image-manager': '',
  'openstack-image-manager': '',
}

beforeAll(async () => {
  work = await workdir()
  const cli = await freshBundle('src/cli/index.ts', 'dist/cli', work.dir)
  bins['image-manager'] = cli
  // The compat bin's place beside the bundle, as package.json names both.
  const dist = path.dirname(path.dirname(cli))
  const compat = path.join(dist, path.relative('dist', pkg.bin['openstack-image-manager'] ?? ''))
  if (dist !== path.join(root, 'dist')) {
    // A fresh bundle in this test's directory: the compat bin beside it, as the build puts it.
    await mkdir(path.dirname(compat), { recursive: true })
    await copyFile(path.join(root, 'src/cli/openstack-image-manager.js'), compat)
  }
  const link = path.join(work.dir, 'node_modules/.bin/openstack-image-manager')
  await mkdir(path.dirname(link), { recursive: true })
  await symlink(compat, link)
  bins['openstack-image-manager'] = link
}, 180_000)

afterAll(async () => {
  await work?.close()
})

async function run(bin: keyof typeof bins, ...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bins[bin], ...argv], {
      cwd: work.dir,
      env: { ...process.env, OS_CLIENT_CONFIG_FILE: cloudsYaml },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: unknown; stdout: string; stderr: string }
    if (typeof e.code !== 'number') throw error
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('the two bins of the bundle', () => {
  it('package.json names the bundle and the compat bin', () => {
    expect(pkg.bin['image-manager']).toBe('dist/cli/index.js')
    expect(pkg.bin['openstack-image-manager']).toBe('dist/compat/index.js')
  })

  it('--help: each bin its own command line', async () => {
    const compat = await run('openstack-image-manager', '--help')
    expect(compat.code).toBe(0)
    expect(compat.stdout).toMatch(/^Usage: openstack-image-manager \[options\]/)
    const cli = await run('image-manager', '--help')
    expect(cli.code).toBe(0)
    expect(cli.stdout).toMatch(/^Usage: image-manager <command>/)
  })

  it('exit codes of the old command line: 2 usage, 1 invalid definitions, 0 valid', async () => {
    const usage = await run('openstack-image-manager', '--bogus')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/Unknown option '--bogus'\nRun 'openstack-image-manager --help'/)
    for (const [fixture, code, output] of [
      ['invalid/32-bad-format.yml', 1, /32-bad-format\.yml:5:13 {2}error/],
      ['valid/seed-cirros.yml', 0, /✓ valid: 1 file/],
    ] as const) {
      const images = path.join(root, 'test/fixtures', fixture)
      const r = await run('openstack-image-manager', '--check-only', '--images', images)
      expect(r.code, fixture).toBe(code)
      expect(r.stdout, fixture).toMatch(output)
    }
  })

  it('--dry-run on the local cloud prints what `image-manager plan` prints', async () => {
    const tag = uniqueTag('bins')
    // The example catalog under a name of this run alone: other images on the cloud never match.
    const example = await readFile(path.join(root, 'examples/images/cirros.yml'), 'utf8')
    const catalog = path.join(work.dir, 'images.yml')
    await writeFile(catalog, example.replace(/^ {2}- name: Cirros$/m, `  - name: Bins ${tag}`))
    const cloud = ['--cloud', 'local-admin', '--tag', tag, '--images', catalog]
    const old = await run('openstack-image-manager', ...cloud, '--dry-run')
    const plan = await run('image-manager', 'plan', ...cloud)
    expect(old.code, old.stdout + old.stderr).toBe(0)
    expect(old.stdout).toMatch(new RegExp(`\\+ import {5}Bins ${tag} 0\\.6\\.2 from http://127`))
    expect(old).toEqual(plan)
  })
})
