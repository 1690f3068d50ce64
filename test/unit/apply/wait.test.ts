import { describe, expect, it } from 'vitest'
import { ImportClock, isReleased } from '../../../src/apply/wait.js'
import type { Image } from '../../../src/openstack/glance/types.js'

const image = (status: Image['status'], properties: Record<string, string> = {}) =>
  ({ status, properties }) as Image

describe('isReleased', () => {
  it.each([
    [image('active'), true],
    [image('active', { os_glance_importing_to_stores: '' }), true],
    [image('active', { os_glance_import_task: 'f00' }), false],
    [image('active', { os_glance_importing_to_stores: 'file' }), false],
    [image('importing'), false],
    [image('deactivated'), false],
  ])('%o -> %s', (i, released) => expect(isReleased(i)).toBe(released))
})

describe('ImportClock', () => {
  it('looks first after 1 s, then a little before the median import of the run', () => {
    const clock = new ImportClock()
    expect(clock.firstPollMs()).toBe(1000)
    for (const ms of [3000, 4000, 10_000]) clock.record(ms)
    expect(clock.firstPollMs()).toBe(3600)
  })

  it('follows the recent imports and stays within 0.25 to 30 s', () => {
    const clock = new ImportClock()
    for (let i = 0; i < 40; i++) clock.record(120_000)
    expect(clock.firstPollMs()).toBe(30_000)
    for (let i = 0; i < 16; i++) clock.record(10)
    expect(clock.firstPollMs()).toBe(250)
  })
})
