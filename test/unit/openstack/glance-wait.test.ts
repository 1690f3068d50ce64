import { describe, expect, it } from 'vitest'
import type { GlanceClient } from '../../../src/openstack/glance.js'
import { ImageWaitError, waitForImageStatus } from '../../../src/openstack/glance-wait.js'
import { parseImage, type ImageStatus } from '../../../src/openstack/glance-types.js'
import { imageJson } from '../../support/keystone-fixtures.js'

function glanceWith(statuses: ImageStatus[]): GlanceClient {
  return {
    getImage: async (id: string) => parseImage(imageJson(id, { status: statuses.shift() })),
  } as unknown as GlanceClient
}

describe('waitForImageStatus', () => {
  it('polls until the image is active', async () => {
    const slept: number[] = []
    const image = await waitForImageStatus(glanceWith(['queued', 'importing', 'active']), 'i', {
      timeoutMs: 60_000,
      sleep: async (ms) => void slept.push(ms),
      now: () => 0,
    })
    expect(image.status).toBe('active')
    expect(slept).toEqual([2000, 2000])
  })

  it('fails when the image is killed', async () => {
    await expect(
      waitForImageStatus(glanceWith(['importing', 'killed']), 'i', {
        timeoutMs: 60_000,
        sleep: async () => undefined,
      }),
    ).rejects.toThrow('Image i became killed while waiting for active')
  })

  it('gives up after the timeout with the last status', async () => {
    let now = 0
    const error = await waitForImageStatus(glanceWith(['queued', 'queued', 'queued']), 'i', {
      timeoutMs: 3000,
      intervalMs: 2000,
      now: () => now,
      sleep: async (ms) => void (now += ms),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImageWaitError)
    expect((error as ImageWaitError).message).toBe(
      'Image i is still queued after 3 s (waiting for active)',
    )
    expect((error as ImageWaitError).timedOut).toBe(true)
  })
})
