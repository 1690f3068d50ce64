// The lifecycle command against endoflife.date served from loopback in the
// real API's format: golden Markdown and JSON, exit codes, bad data and urls.
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { lifecycleCommand } from '../../../src/commands/lifecycle.js'
import { lifecycleCommandOptions } from '../../../src/options/convert.js'
import type { Reporter } from '../../../src/reporter.js'
import { startEndOfLifeServer, type EndOfLifeServer } from '../../support/endoflife-server.js'
import { expectGolden } from '../../support/golden.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
const catalog = path.join(fixtures, 'lifecycle/catalog.yml')
const NOW = new Date('2026-08-01T12:00:00Z')

interface Recorded extends Reporter {
  lines: string[]
  warnings: string[]
  summaries: string[]
}
function recorder(): Recorded {
  const lines: string[] = []
  const warnings: string[] = []
  const summaries: string[] = []
  return {
    lines,
    warnings,
    summaries,
    info: (m) => void lines.push(m),
    warning: (m) => void warnings.push(m),
    debug() {},
    problems() {},
    summary: async (m) => void summaries.push(m),
    secret() {},
  }
}

let server: EndOfLifeServer
beforeAll(async () => {
  server = await startEndOfLifeServer()
})
afterAll(() => server.close())

const options = (extra: Record<string, string> = {}) => ({
  ...lifecycleCommandOptions({ images: catalog, 'eol-url': server.url, ...extra }),
  now: NOW,
})

/** The source url differs per run (the port): golden files say <eol-url>. */
const portless = (text: string): string =>
  text.replace(/http(:|&#58;)\/\/127\.0\.0\.1(:|&#58;)\d+/g, '<eol-url>')

describe('lifecycle report', () => {
  it('matches the golden Markdown: missing releases, images past end of life, unknown releases', async () => {
    server.requests.length = 0
    const reporter = recorder()
    const code = await lifecycleCommand(options(), reporter)
    expect(code).toBe(1)
    expect(server.requests.sort()).toEqual([
      'GET /api/v1/products/debian',
      'GET /api/v1/products/ubuntu',
    ])
    expect(reporter.summaries).toHaveLength(1)
    expectGolden('lifecycle/report.md', portless(reporter.summaries[0] as string))
    expect(reporter.lines.join('\n')).toBe((reporter.summaries[0] as string).trimEnd())
    expect(reporter.warnings).toEqual([
      `Ubuntu Next: os_version '99.04' is no ubuntu release cycle of ${server.url}`,
    ])
  })

  it('matches the golden JSON, which holds the same findings', async () => {
    const reporter = recorder()
    expect(await lifecycleCommand(options({ output: 'json' }), reporter)).toBe(1)
    const text = reporter.lines.join('\n')
    expectGolden('lifecycle/report.json', `${portless(text)}\n`)
    const report = JSON.parse(text) as {
      findings: number
      missing: { distribution: string; cycle: string; disabled: string[] }[]
      pastEndOfLife: { definition: string; release: string }[]
    }
    expect(report.missing.map((m) => `${m.distribution} ${m.cycle} ${m.disabled}`)).toEqual([
      'debian 12 ',
      'debian 13 Debian 13',
      'ubuntu 26.04 ',
    ])
    expect(report.pastEndOfLife.map((r) => `${r.definition} ${r.release}`)).toEqual([
      'Debian 10',
      'Ubuntu 20.04 20.04',
      'Ubuntu 25.10 25.10',
    ])
    expect(report.findings).toBe(6)
  })

  it('exits 0 with nothing to report for a catalog of supported, current releases', async () => {
    const reporter = recorder()
    const code = await lifecycleCommand(
      { ...options(), images: path.join(fixtures, 'valid/seed-cirros.yml') },
      reporter,
    )
    expect(code).toBe(0)
    expect(reporter.summaries[0]).toMatch(/^## Image lifecycle: nothing to do\n/)
  })

  it('names the url and the field when the data is not endoflife.date data', async () => {
    // A v1 release whose eolFrom is no date; then the v0 array where the v1 object belongs.
    const path = '/api/v1/products/ubuntu'
    const release = { name: '24.04', releaseDate: '2024-04-25', isLts: true, ltsFrom: null }
    server.replies.set(path, {
      status: 200,
      body: JSON.stringify({
        result: { releases: [{ ...release, isEol: false, eolFrom: 'soon' }] },
      }),
    })
    try {
      await expect(lifecycleCommand(options(), recorder())).rejects.toMatchObject({
        exitCode: 2,
        message: `${server.url}${path} is not endoflife.date data: result.releases[0].eolFrom is "soon", expected a date (YYYY-MM-DD) or null; check --eol-url`,
      })
      server.replies.set(path, { status: 200, body: '[{"cycle": "24.04", "eol": false}]' })
      await expect(lifecycleCommand(options(), recorder())).rejects.toThrow(
        /the response is \[\{"cycle":"24.04","eol":false\}\], expected an object/,
      )
    } finally {
      server.replies.clear()
    }
  })

  it('says which url could not be read when the server fails', async () => {
    const reporter = recorder()
    await expect(
      lifecycleCommand({ ...options(), eolUrl: `${server.url}/mirror` }, reporter),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        new RegExp(
          `^Could not read the (ubuntu|debian) release cycles from ${server.url}/mirror/api/`,
        ),
      ),
    })
  })

  it('rejects a bad --output or --eol-url as a usage error', () => {
    expect(() => lifecycleCommandOptions({ images: catalog, output: 'yaml' })).toThrow(
      "--output must be markdown or json, not 'yaml'",
    )
    for (const url of ['ftp://mirror', 'not a url', 'https://x/?q=1']) {
      expect(() => lifecycleCommandOptions({ images: catalog, 'eol-url': url })).toThrow(
        /--eol-url/,
      )
    }
  })
})

describe('image-manager lifecycle', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough()
    const err = new PassThrough()
    let o = ''
    let e = ''
    out.on('data', (c) => (o += String(c)))
    err.on('data', (c) => (e += String(c)))
    const code = await main(args, { out, err })
    return { code, out: o, err: e }
  }

  it('prints the report as JSON and exits 1 for findings', async () => {
    const { code, out } = await cli([
      'lifecycle',
      '--images',
      catalog,
      '--eol-url',
      server.url,
      '--output',
      'json',
    ])
    expect(code).toBe(1)
    const report = JSON.parse(out) as { source: string; findings: number }
    expect(report.source).toBe(server.url)
    // Judged today, not on the golden day: at least the long-gone releases.
    expect(report.findings).toBeGreaterThanOrEqual(2)
  })

  it('exits 2 with one line for an unknown --output', async () => {
    const { code, err } = await cli(['lifecycle', '--images', catalog, '--output', 'xml'])
    expect(code).toBe(2)
    expect(err).toBe("error: --output must be markdown or json, not 'xml'\n")
  })
})
