// The benchmark scripts of bench/ (validate, plan, update) run at tiny sizes,
// so that they keep working as the CLI changes: each must exit 0 and print the
// figures the docs quote (ratios to the floor measured in the same run, the
// load and the commit; request counts). The figures themselves are not checked:
// at these sizes they say nothing.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshBundle } from '../support/bundle.js'
import { localCloudsYamlPath } from '../support/local-cloud.js'

const root = path.resolve(import.meta.dirname, '../..')
const tag = `bench-scripts-${process.pid}`
let work: string
let bundle: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bench-scripts-'))
  bundle = await freshBundle('src/cli/index.ts', 'dist/cli', work)
}, 600_000)

afterAll(async () => {
  // What plan.sh seeded.
  const env = { ...process.env, LOCAL_CLOUD_CLOUDS_YAML: localCloudsYamlPath() }
  for (const t of [tag, `${tag}-unmanaged`]) {
    await promisify(execFile)('node', ['bench/seed-glance.mjs', 'purge', t], { cwd: root, env })
  }
  if (work) await rm(work, { recursive: true, force: true })
}, 120_000)

async function bench(script: string, env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)('bash', [`bench/${script}`], {
    cwd: root,
    env: { ...process.env, BUNDLE: bundle, ...env },
    maxBuffer: 16 * 1024 * 1024,
  })
  return `${stdout}\n${stderr}`
}

const ratioLines = (out: string): void => {
  expect(out).toMatch(/^commit [0-9a-f]{7,}/m)
  expect(out).toMatch(/^load average before: [\d.]+ [\d.]+ [\d.]+$/m)
  expect(out).toMatch(/^CPU ratio ours\/floor: median \d+\.\d\d of 3 pairs$/m)
  expect(out).toMatch(/^wall ratio ours\/floor: median \d+\.\d\d of 3 pairs$/m)
}

describe('bench scripts at tiny sizes', () => {
  it('validate.sh', async () => {
    const out = await bench('validate.sh', {
      DEFINITIONS: '6',
      FILES: '2',
      VERSIONS: '1',
      PAIRS: '3',
    })
    expect(out).toContain('✓ valid: 2 files, 6 images, 6 versions')
    ratioLines(out)
  }, 300_000)

  it('plan.sh against the local cloud', async () => {
    const out = await bench('plan.sh', {
      DEFINITIONS: '4',
      UNMANAGED: '2',
      PAIRS: '3',
      TAG: tag,
      LOCAL_CLOUD_CLOUDS_YAML: localCloudsYamlPath(),
    })
    expect(out).toMatch(/^Plan: no changes\. \d+ unchanged/m)
    expect(out).toMatch(/^Glance requests: \{"GET \/":1,"GET \/v2\/images":2\} total 3$/m)
    ratioLines(out)
  }, 600_000)

  it('update.sh', async () => {
    const out = await bench('update.sh', { RUNS: '2' })
    expect(out).toMatch(/^cold: 60 requests, 0 answered 304/m)
    expect(out).toMatch(/^warm: 60 requests, 60 answered 304, 0 body bytes$/m)
    expect(out).toMatch(/\| `cold` \|/)
  }, 600_000)
})
