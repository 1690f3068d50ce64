// The mirror and import benchmarks stay runnable: each bench script runs once at
// a tiny size against the real local cloud and S3 store, with a fresh bundle of
// the CLI, and must print its ratio to the floor, the load and the commit.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshBundle } from '../support/bundle.js'
import { localCloudsYamlPath } from '../support/local-cloud.js'
import { localS3Endpoint } from '../support/local-s3.js'

const root = path.resolve(import.meta.dirname, '../..')
// Tags of this run only: the scripts purge their tag, other runs may be under way.
const tag = `bench-scripts-${Date.now().toString(36)}`
let dir: string
let cli: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bench-scripts-'))
  cli = await freshBundle('src/cli/index.ts', 'dist/cli', dir)
}, 300_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function bench(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', [path.join(root, 'bench', script)], {
    cwd: root,
    env: {
      ...process.env,
      CLI: cli,
      LOCAL_CLOUD_CLOUDS_YAML: localCloudsYamlPath(),
      LOCAL_S3_PORT: new URL(localS3Endpoint()).port,
      BENCH_DIR: dir,
      ...env,
    },
    maxBuffer: 16 * 1024 * 1024,
  })
  return stdout
}

const ratio = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? NaN)

describe('bench scripts at tiny sizes', () => {
  it('mirror.sh: a 2 MiB mirror against curl, its ratio and peak RSS', async () => {
    const out = await bench('mirror.sh', { BENCH_MIRROR_MIB: '2', RUNS: '1', CLIS: cli })
    expect(out).toMatch(/commit [0-9a-f]{7}/)
    expect(out).toMatch(/\| 1 \| .* \| load [\d.]+, [\d.]+, [\d.]+ \|/)
    expect(ratio(out, /median ratio mirror\/curl ([\d.]+) over 1 pairs/)).toBeGreaterThan(0)
    expect(ratio(out, /median ratio mirror\/pipeline ([\d.]+) over 1 pairs/)).toBeGreaterThan(0)
    // The store's and the source server's CPU seconds are numbers read from /proc.
    const row =
      /^\| 1 \|.*$/m
        .exec(out)?.[0]
        .split('|')
        .map((cell) => cell.trim()) ?? []
    for (const column of [5, 13, 14]) expect(row[column]).toMatch(/^\d+\.\d+$/)
    expect(out).toMatch(/peak RSS \d+ MB/)
  }, 600_000)

  it('apply-stream.sh: a 1 MiB glance-direct import against curl -T, file: and http', async () => {
    const out = await bench('apply-stream.sh', { SIZES: '1', REPEAT: '1', TAG: `${tag}-stream` })
    expect(out).toMatch(/commit [0-9a-f]{7}/)
    for (const mode of ['file', 'http'])
      expect(
        ratio(out, new RegExp(`1 MiB ${mode} .*median ratio ([\\d.]+) over 1 runs`)),
      ).toBeGreaterThan(0)
    expect(out).toMatch(/load after: load [\d.]+/)
  }, 600_000)

  it('apply-import.sh: 2 verified streamed imports, requests per image and wall / floor', async () => {
    const out = await bench('apply-import.sh', {
      DEFINITIONS: '2',
      VERSIONS: '1',
      RUNS: '1',
      TAG: `${tag}-import`,
    })
    expect(out).toMatch(/commit [0-9a-f]{7}/)
    expect(out).toMatch(/images active with the tag: 2 of 2/)
    expect(ratio(out, /for 2 new images = ([\d.]+) per image/)).toBeGreaterThan(0)
    expect(out).toMatch(/PUT \/v2\/images\/\{id\}\/stage/)
    expect(ratio(out, /wall \/ floor: median ([\d.]+)/)).toBeGreaterThan(0)
  }, 600_000)
})
