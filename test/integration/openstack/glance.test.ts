import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import { buildPatch } from '../../../src/openstack/glance/patch.js'
import type { CreateImageBody, Image } from '../../../src/openstack/glance/types.js'
import { HttpError, isStatus } from '../../../src/http/error.js'
import {
  deleteImages,
  deleteImagesByPrefix,
  localGlance,
  uniquePrefix,
} from '../../support/local-cloud.js'
import { waitForRelease } from '../../support/wait-released.js'

const prefix = uniquePrefix('glance')
const tag = `${prefix}tag`
const created: string[] = []
let glance: GlanceClient

beforeAll(async () => {
  glance = await localGlance('local-admin')
})

afterAll(async () => {
  if (!glance) return
  await deleteImages(glance, created)
  await deleteImagesByPrefix(glance, prefix)
})

async function create(name: string, extra: Partial<CreateImageBody> = {}): Promise<Image> {
  const image = await glance.createImage({
    name: `${prefix}${name}`,
    disk_format: 'raw',
    container_format: 'bare',
    visibility: 'private',
    tags: [tag],
    ...extra,
  })
  created.push(image.id)
  return image
}

async function collect(iterable: AsyncIterable<Image>): Promise<Image[]> {
  const items: Image[] = []
  for await (const item of iterable) items.push(item)
  return items
}

async function activeImage(name: string): Promise<Image> {
  const image = await create(name)
  const data = Buffer.from('not really a disk, but Glance does not mind\n')
  await glance.uploadImage(image.id, Readable.from([data]), data.length)
  return waitForRelease(glance, image.id, { timeoutMs: 60_000 })
}

describe('Glance on the local cloud', () => {
  it('discovered v2 and reads the import methods', async () => {
    expect(glance.apiVersion).toMatch(/^v2\.\d+$/)
    const info = await glance.getImportInfo()
    expect(info.methods).toEqual(expect.arrayContaining(['glance-direct', 'web-download']))
    const stores = await glance.getStores()
    expect(stores.some((store) => store.default)).toBe(true)
  })

  it('lists more images than one page by following next', async () => {
    const pageTag = `${prefix}page`
    const ids = new Set<string>()
    for (let i = 0; i < 5; i++) ids.add((await create(`page-${i}`, { tags: [tag, pageTag] })).id)

    glance.counter.reset()
    const listed = await collect(glance.listImages({ tag: pageTag, limit: 2 }))
    expect(new Set(listed.map((image) => image.id))).toEqual(ids)
    // pages of 2, 2 and 1: the short last page has no next link
    expect(glance.counter.get('GET /v2/images')).toBe(3)

    glance.counter.reset()
    expect(await collect(glance.listImages({ tag: pageTag, limit: 5 }))).toHaveLength(5)
    // a full last page still carries next; the page after it is empty and ends the listing
    expect(glance.counter.get('GET /v2/images')).toBe(2)
  })

  it('lists hidden images only on request; osHidden both gives all', async () => {
    const hiddenTag = `${prefix}hidden`
    const visible = await create('visible', { tags: [tag, hiddenTag] })
    const hidden = await create('hidden', { tags: [tag, hiddenTag], os_hidden: true })
    const names = async (osHidden?: boolean | 'both'): Promise<string[]> =>
      (
        await collect(
          glance.listImages({ tag: hiddenTag, ...(osHidden === undefined ? {} : { osHidden }) }),
        )
      )
        .map((i) => i.id)
        .sort()
    expect(await names()).toEqual([visible.id])
    expect(await names(false)).toEqual([visible.id])
    expect(await names(true)).toEqual([hidden.id])
    expect(await names('both')).toEqual([visible.id, hidden.id].sort())
  })

  it('creates an image with a fixed id, properties and tags in one call', async () => {
    const id = randomUUID()
    glance.counter.reset()
    const image = await create('fixed-id', {
      id,
      properties: { os_distro: 'debian', image_build_date: '2024-04-22' },
      min_ram: 512,
    })
    expect(glance.counter.snapshot()).toEqual({ 'POST /v2/images': 1 })
    expect(image).toMatchObject({
      id,
      status: 'queued',
      visibility: 'private',
      min_ram: 512,
      tags: [tag],
    })
    const fetched = await glance.getImage(id)
    expect(fetched.properties).toMatchObject({
      os_distro: 'debian',
      image_build_date: '2024-04-22',
    })
    expect(fetched.owner).toBe(glance.projectId)
  })

  it('changes ten properties (add, replace, remove) and the name in ONE patch request', async () => {
    const image = await create('patch', {
      properties: { p1: 'old', p2: 'old', p3: 'old', p4: 'gone' },
    })
    const desired = {
      name: `${prefix}patched`,
      min_disk: 2,
      properties: {
        p1: 'new',
        p2: 'new',
        p3: 'new',
        p4: null,
        p5: 'added',
        p6: 'added',
        p7: 'added',
        'hw:cpu_policy': 'dedicated',
        'with/slash': 'escaped',
        os_version: '12',
      },
    }
    const operations = buildPatch(image, desired)
    expect(operations).toHaveLength(12)
    glance.counter.reset()
    const patched = await glance.updateImage(image, desired)
    expect(glance.counter.snapshot()).toEqual({ 'PATCH /v2/images/{id}': 1 })
    expect(patched.name).toBe(`${prefix}patched`)
    expect(patched.min_disk).toBe(2)
    expect(patched.properties).toMatchObject({
      p1: 'new',
      p5: 'added',
      'hw:cpu_policy': 'dedicated',
      'with/slash': 'escaped',
      os_version: '12',
    })
    expect(patched.properties.p4).toBeUndefined()
    // nothing left to change: no request at all
    glance.counter.reset()
    await glance.updateImage(patched, desired)
    expect(glance.counter.total()).toBe(0)
  })

  it('adds and removes tags, and replaces the tag list in a patch', async () => {
    const image = await create('tags')
    await glance.addTag(image.id, 'os:debian')
    await glance.addTag(image.id, 'os:debian') // adding twice is fine (204)
    expect((await glance.getImage(image.id)).tags.sort()).toEqual(['os:debian', tag].sort())
    await glance.removeTag(image.id, 'os:debian')
    expect((await glance.getImage(image.id)).tags).toEqual([tag])
    // removing an absent tag is a 404
    const error = await glance.removeTag(image.id, 'os:debian').catch((e: unknown) => e)
    expect(isStatus(error, 404)).toBe(true)
    const patched = await glance.updateImage(await glance.getImage(image.id), {
      tags: [tag, 'a', 'b'],
    })
    expect(patched.tags.sort()).toEqual(['a', 'b', tag].sort())
  })

  it('uploads data (PUT /file), deactivates and reactivates', async () => {
    const image = await activeImage('upload')
    expect(image.status).toBe('active')
    expect(image.size).toBeGreaterThan(0)
    await glance.deactivateImage(image.id)
    expect((await glance.getImage(image.id)).status).toBe('deactivated')
    await glance.reactivateImage(image.id)
    expect((await glance.getImage(image.id)).status).toBe('active')
  })

  it('states why a call is refused', async () => {
    const image = await create('queued-deactivate')
    const error = await glance.deactivateImage(image.id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).message).toBe(
      `POST ${glance.endpoint}/v2/images/${image.id}/actions/deactivate: expected 204, got 403: Not allowed to deactivate image in status 'queued'`,
    )
    expect(await glance.findImage(randomUUID())).toBeNull()
  })
})
