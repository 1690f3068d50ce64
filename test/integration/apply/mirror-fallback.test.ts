// apply with mirror_url on the real Glance: the mirror is read when its object
// is there; a missing (404) or unreadable (403) mirror object falls back to url
// with a warning naming both, and image_source records url either way.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition } from '../../support/definitions.js'
import {
  applyOptions,
  briefs,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('mirror-fallback')
let server: ImageServer
let forbidding: Server
let forbiddenUrl = ''
let raw: RawGlance
let work: Workdir

const base = (name: string, version: Record<string, unknown>) =>
  catalogDefinition(name, { versions: [{ version: '1', ...version }] })

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'upstream.qcow2', '16M'))
  await server.addFile('mirror-present.qcow2', bytes)
  // A bucket that does not let us read: 403 to everything, as S3 answers without a grant.
  forbidding = createServer((_req, res) => res.writeHead(403).end())
  await new Promise<void>((r) => forbidding.listen(0, '127.0.0.1', r))
  forbiddenUrl = `http://127.0.0.1:${(forbidding.address() as { port: number }).port}/bucket/f.qcow2`
})

afterAll(async () => {
  await raw?.purge(tag)
  await server?.close()
  if (forbidding) await new Promise((r) => forbidding.close(r))
  await work?.close()
})

describe('apply: mirror_url', () => {
  it('imports from the mirror, or from url when the mirror object is missing or unreadable', async () => {
    const upstream = server.urlOf('upstream.qcow2')
    const missing = server.urlOf('mirror-missing.qcow2')
    const present = server.urlOf('mirror-present.qcow2')
    const file = await work.catalog('mirror.yml', [
      base('Mirror Missing', { url: upstream, mirror_url: missing }),
      base('Mirror Forbidden', { url: upstream, mirror_url: forbiddenUrl }),
      // Its url is gone upstream: only the mirror has the build.
      base('Mirror Present', { url: server.urlOf('gone.qcow2'), mirror_url: present }),
    ])
    const reporter = recorder()
    const code = await applyCommand(applyOptions(tag, file), reporter)
    expect(code, reporter.lines.join('\n')).toBe(0)
    expect([...reporter.warnings].sort()).toEqual([
      `Mirror Forbidden: mirror_url ${forbiddenUrl} is not available (HTTP 403): importing from url ${upstream} instead`,
      `Mirror Missing: mirror_url ${missing} is not available (HTTP 404): importing from url ${upstream} instead`,
    ])
    expect((await briefs(raw, tag)).map((b) => `${b.name} ${b.status}`)).toEqual([
      'Mirror Forbidden 1 active',
      'Mirror Missing 1 active',
      'Mirror Present 1 active',
    ])
    for (const image of await raw.listByTag(tag)) {
      const expected = image.name === 'Mirror Present 1' ? server.urlOf('gone.qcow2') : upstream
      expect(image.image_source, String(image.name)).toBe(expected)
    }
    // Glance read the bytes from the mirror for the one whose object is there, never from its url.
    expect(server.requests).toContain('GET /mirror-present.qcow2')
    expect(server.requests).not.toContain('GET /gone.qcow2')
    expect(server.requests).not.toContain('GET /mirror-missing.qcow2')
  }, 180_000)
})
