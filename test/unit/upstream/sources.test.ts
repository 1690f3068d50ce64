// Every upstream layout against a loopback server laid out like the real
// site: the newest build, and each way the site can let us down.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../../src/http/client.js'
import { discover, selectSource } from '../../../src/upstream/discover.js'
import { createReader, type Reader } from '../../../src/upstream/reader.js'
import { LAYOUTS } from './layouts.js'
import { startUpstreamServer, type UpstreamServer } from './upstream-server.js'

let server: UpstreamServer
let reader: Reader

beforeEach(async () => {
  server = await startUpstreamServer()
  // No retries: a 500 or a timeout is reported at once.
  reader = createReader({ http: createHttp({ retry: { maxAttempts: 1 } }), timeoutMs: 400 })
})
afterEach(() => server.close())

describe.each(LAYOUTS)('$name', (layout) => {
  it('finds the newest build', async () => {
    const laid = layout.setup(server)
    expect(selectSource(laid.tracked).key).toBe(laid.source)
    const outcome = await discover(laid.tracked, reader)
    expect(outcome).toEqual({ status: 'newer', build: laid.expected })
  })

  it('reports current when the catalog has that checksum', async () => {
    const laid = layout.setup(server)
    const { algorithm, hex } = laid.expected.checksum
    const t = {
      ...laid.tracked,
      current: { ...laid.tracked.current, checksum: `${algorithm}:${hex.toUpperCase()}` },
    }
    expect(await discover(t, reader)).toEqual({ status: 'current', build: laid.expected })
  })

  it('a missing manifest is an error naming its url', async () => {
    const laid = layout.setup(server)
    server.remove(laid.manifestPath)
    const outcome = await discover(laid.tracked, reader)
    expect(outcome.status).toBe('error')
    expect(outcome).toMatchObject({
      error: expect.stringContaining(`${server.url}${laid.manifestPath}`),
    })
    expect(outcome).toMatchObject({ error: expect.stringContaining('404') })
  })

  it('a manifest without the image is an error naming the manifest', async () => {
    const laid = layout.setup(server)
    server.file(laid.manifestPath, laid.manifestWithout)
    const outcome = await discover(laid.tracked, reader)
    expect(outcome.status).toBe('error')
    expect(outcome).toMatchObject({
      error: expect.stringContaining(`${server.url}${laid.manifestPath}`),
    })
  })

  it.each([
    ['a 500', { kind: 'status', status: 500 } as const, /500/],
    [
      'HTML garbage',
      { kind: 'html' } as const,
      /no (?:checksums|dated build folder|release|Fedora)|lists no/,
    ],
    ['a timeout', { kind: 'hang' } as const, /timed out after 0\.4 s/],
    ['an endless body', { kind: 'huge' } as const, /larger than \d+ bytes/],
  ])('%s on the first request is an error naming the url', async (_, fault, message) => {
    const laid = layout.setup(server)
    server.fault(laid.firstPath, fault)
    const outcome = await discover(laid.tracked, reader)
    expect(outcome.status).toBe('error')
    if (outcome.status !== 'error') return
    expect(outcome.error).toMatch(message)
    expect(outcome.error).toContain(`${server.url}${laid.firstPath}`)
  })

  it('a listing with only non-build entries is an error naming the listing', async (ctx) => {
    const laid = layout.setup(server)
    if (!laid.listingPath || !laid.nonBuildEntries) return ctx.skip()
    server.listing(laid.listingPath, laid.nonBuildEntries)
    const outcome = await discover(laid.tracked, reader)
    expect(outcome.status).toBe('error')
    expect(outcome).toMatchObject({
      error: expect.stringContaining(`${server.url}${laid.listingPath}`),
    })
  })
})
