import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromUpstream, resolveMirrors } from '../../../src/mirror/fallback.js'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import type { ImportStep, Plan } from '../../../src/plan/types.js'
import { listenLoopback } from '../../support/loopback.js'

let server: Server
let base = ''

beforeAll(async () => {
  // The path names the status: /404/x, /403/x, /500/x, /200/x.
  server = createServer((req, res) => {
    const status = Number(/^\/(\d{3})\//.exec(req.url ?? '')?.[1] ?? 404)
    res.writeHead(status, { 'Content-Length': '0' }).end()
  })
  base = `http://127.0.0.1:${await listenLoopback(server)}`
})

afterAll(() => new Promise<void>((r) => server.close(() => r())))

function importStep(source: string, fallback?: string): ImportStep {
  return {
    action: 'import',
    image: { name: `img ${source}` },
    version: '1',
    source,
    ...(fallback ? { fallback } : {}),
    stream: false,
    verification: 'unverified (no checksum)',
    create: {
      name: 'x',
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 0,
      min_ram: 0,
      visibility: 'private',
      tags: [],
      properties: {},
    },
    then: { visibility: 'public', status: 'active' },
    reason: 'new',
  }
}

function planOf(steps: ImportStep[]): Plan {
  return {
    definitions: [{ name: 'D', file: 'f.yml', line: 1, steps, retention: [], notes: [] }],
  } as unknown as Plan
}

describe('fromUpstream', () => {
  it('imports from the fallback and drops it; a step without one stays', () => {
    const step = importStep('https://m/x', 'https://u/x')
    expect(fromUpstream(step)).toEqual({ ...importStep('https://u/x'), image: step.image })
    const plain = importStep('https://u/x')
    expect(fromUpstream(plain)).toBe(plain)
  })
})

describe('resolveMirrors', () => {
  it('switches to url only on 403 and 404, with a note and a warning naming both urls', async () => {
    const url = `${base}/200/upstream`
    const plan = planOf([
      importStep(`${base}/404/mirror`, url),
      importStep(`${base}/403/mirror`, url),
      importStep(`${base}/500/mirror`, url),
      importStep(`${base}/200/mirror`, url),
      importStep(`${base}/404/no-mirror`),
    ])
    const http = await createUpstreamHttp()
    const warnings = await resolveMirrors(plan, http)
    const def = plan.definitions[0] as Plan['definitions'][number]
    expect(def.steps.map((s) => (s as ImportStep).source)).toEqual([
      url,
      url,
      `${base}/500/mirror`,
      `${base}/200/mirror`,
      `${base}/404/no-mirror`,
    ])
    expect(warnings).toEqual([
      `D: mirror_url ${base}/404/mirror is not available (HTTP 404): importing from url ${url} instead`,
      `D: mirror_url ${base}/403/mirror is not available (HTTP 403): importing from url ${url} instead`,
    ])
    expect(def.notes.map((n) => n.message)).toEqual(warnings.map((w) => w.slice(3)))
  })
})
