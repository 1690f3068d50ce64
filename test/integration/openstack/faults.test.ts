import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConnectionError } from '../../../src/http/connection.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import { isStatus } from '../../../src/http/error.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { deleteImagesByPrefix, localGlance, uniquePrefix } from '../../support/local-cloud.js'
import { recordingSleep } from '../../support/strict-fetch.js'

const prefix = uniquePrefix('faults')
let direct: GlanceClient
let proxy: FaultProxy
let glance: GlanceClient
const { sleep, delays } = recordingSleep()

beforeAll(async () => {
  direct = await localGlance('local-admin')
  proxy = await startFaultProxy(direct.endpoint)
  glance = await localGlance('local-admin', { endpoint: proxy.url, sleep, timeoutMs: 2000 })
})

beforeEach(() => {
  proxy.clear()
  proxy.requests.length = 0
  delays.length = 0
})

afterAll(async () => {
  await proxy?.close()
  if (direct) await deleteImagesByPrefix(direct, prefix)
})

const LIST = /^\/v2\/images(\?|$)/

async function listOnce(): Promise<number> {
  let count = 0
  for await (const image of glance.listImages({ limit: 1 })) {
    void image
    count++
    break
  }
  return count
}

describe('transient faults between client and Glance', () => {
  it('retries a GET answered 503 and succeeds', async () => {
    proxy.inject({ method: 'GET', path: LIST, fault: { status: 503 } })
    await listOnce()
    expect(proxy.requests.map((r) => r.fault)).toEqual(['status 503', undefined])
    expect(delays).toHaveLength(1)
  })

  it('retries a GET whose connection is reset and succeeds', async () => {
    proxy.inject({ method: 'GET', path: LIST, fault: { reset: true }, times: 2 })
    await listOnce()
    expect(proxy.count('GET', LIST)).toBe(3)
    expect(delays).toHaveLength(2)
  })

  it('honours Retry-After of a 429', async () => {
    proxy.inject({
      method: 'GET',
      path: LIST,
      fault: { status: 429, headers: { 'Retry-After': '2' } },
    })
    await listOnce()
    expect(delays).toEqual([2000])
  })

  it('retries a GET that takes longer than the timeout', async () => {
    proxy.inject({ method: 'GET', path: LIST, fault: { delayMs: 3000 } })
    await listOnce()
    expect(proxy.count('GET', LIST)).toBe(2)
  })

  it('does not repeat a POST answered 503, and creates nothing', async () => {
    proxy.inject({ method: 'POST', path: /^\/v2\/images$/, fault: { status: 503 } })
    const error = await glance
      .createImage({ name: `${prefix}never`, disk_format: 'raw', container_format: 'bare' })
      .catch((e: unknown) => e)
    expect(isStatus(error, 503)).toBe(true)
    expect(proxy.count('POST', /^\/v2\/images$/)).toBe(1)
    expect(delays).toEqual([])
  })

  it('does not repeat a POST whose connection is reset', async () => {
    proxy.inject({ method: 'POST', path: /^\/v2\/images$/, fault: { reset: true } })
    const error = await glance
      .createImage({ name: `${prefix}never-reset`, disk_format: 'raw', container_format: 'bare' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(proxy.count('POST', /^\/v2\/images$/)).toBe(1)
    const names: string[] = []
    for await (const image of direct.listImages({ visibility: 'all' }))
      if (image.name?.startsWith(prefix)) names.push(image.name)
    expect(names).toEqual([])
  })
})
