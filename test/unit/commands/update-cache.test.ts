// `update --cache-dir` from the command line against a loopback upstream that
// honours ETag, and the promise that @actions/cache is loaded only by the
// action's update, when the runner has a cache service: validate, plan and
// the CLI's update never load it (the module is replaced by a stand-in that
// counts its loads).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CACHE_FILE } from '../../../src/upstream/http-cache.js'
import { trackedCatalog, ubuntu, type LaidOut } from '../upstream/layouts.js'
import { startUpstreamServer, type UpstreamServer } from '../upstream/upstream-server.js'
import { cli } from '../../support/cli.js'

const loads = vi.hoisted(() => ({ count: 0 }))
vi.mock('@actions/cache', () => {
  loads.count++
  return {
    isFeatureAvailable: () => true,
    restoreCache: async () => undefined,
    saveCache: async () => 0,
  }
})

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')

let server: UpstreamServer
let dir: string
let laid: LaidOut

beforeEach(async () => {
  server = await startUpstreamServer({ validators: 'etag' })
  laid = ubuntu(
    'Ubuntu 24.04',
    '/noble',
    ['20260701/', '20260713/'],
    'current',
    'noble-server-cloudimg',
    '20260713',
  ).setup(server)
  dir = await mkdtemp(path.join(tmpdir(), 'update-cache-'))
  await writeFile(path.join(dir, 'images.yml'), trackedCatalog(laid.tracked))
})
afterEach(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const update = (...extra: string[]) =>
  cli('update', '--images', path.join(dir, 'images.yml'), '--dry-run', '--output', 'json', ...extra)

describe('update --cache-dir', () => {
  it('the second run sends conditional requests, gets only 304s and prints the same result', async () => {
    const cacheDir = path.join(dir, 'cache')
    const cold = await update('--cache-dir', cacheDir)
    expect(cold.stderr).toBe('')
    expect(cold.code).toBe(0)
    expect(JSON.parse(cold.stdout)).toMatchObject([{ status: 'newer', to: '20260713' }])
    expect(server.conditional).toEqual([])
    const first = server.requests.length

    const warm = await update('--cache-dir', cacheDir)
    expect(warm.stderr).toBe('')
    expect(warm.stdout).toBe(cold.stdout)
    const second = server.requests.slice(first)
    expect(second.length).toBe(first)
    expect(server.notModified).toEqual(second)
  })

  it('without --cache-dir nothing is cached', async () => {
    await update()
    await update()
    expect(server.conditional).toEqual([])
  })

  it('a corrupt cache file costs one warning on stderr, not the run', async () => {
    const cacheDir = path.join(dir, 'cache')
    await update('--cache-dir', cacheDir)
    await writeFile(path.join(cacheDir, CACHE_FILE), '\u0000garbage')
    const r = await update('--cache-dir', cacheDir)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject([{ status: 'newer', to: '20260713' }])
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('is not a cache this version wrote: ignored, starting cold')
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(JSON.parse(await readFile(path.join(cacheDir, CACHE_FILE), 'utf8'))).toMatchObject({
      format: 1,
    })
  })
})

describe('@actions/cache is loaded lazily', () => {
  it('validate, the CLI update and the action module graph do not load it; the action path with a cache service does', async () => {
    const validate = await cli('validate', '--images', path.join(fixtures, 'valid/seed-cirros.yml'))
    expect(validate.code).toBe(0)
    await update('--cache-dir', path.join(dir, 'cache'))
    await import('../../../src/action/run.js')
    const { actionsCacheService } = await import('../../../src/action/upstream-cache.js')
    expect(await actionsCacheService()).toBeUndefined() // no runner here
    expect(loads.count).toBe(0)

    // The stand-in does count a real load (so the zero above means something).
    const saved = { ...process.env }
    Object.assign(process.env, {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
    })
    try {
      expect(await actionsCacheService()).toBeDefined()
    } finally {
      delete process.env.ACTIONS_RUNTIME_TOKEN
      delete process.env.ACTIONS_RESULTS_URL
      Object.assign(process.env, saved)
    }
    expect(loads.count).toBe(1)
  })
})
