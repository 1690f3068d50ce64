import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { GlanceClient } from '../../../../src/openstack/glance/client.js'
import { createGlanceClient } from '../../../../src/openstack/glance/connect.js'
import { parseImage } from '../../../../src/openstack/glance/types.js'
import {
  GLANCE_URL,
  PROJECT_ID,
  glanceVersions,
  imageJson,
  issueToken,
  passwordConfig,
} from '../../../support/keystone-fixtures.js'
import {
  fetchFailure,
  recordingSleep,
  strictFetch,
  type Expectation,
  type StrictFetch,
} from '../../../support/strict-fetch.js'

const IMAGES = `${GLANCE_URL}/v2/images`
let fake: StrictFetch
afterEach(() => fake.done())

async function client(...expectations: Expectation[]): Promise<GlanceClient> {
  fake = strictFetch(issueToken('tok'), glanceVersions(), ...expectations)
  return createGlanceClient(passwordConfig(), { fetch: fake.fetch, sleep: recordingSleep().sleep })
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

const page = (ids: string[], next?: string): Expectation['reply'] => ({
  status: 200,
  json: {
    images: ids.map((id) => imageJson(id)),
    first: '/v2/images',
    schema: '/v2/schemas/images',
    ...(next ? { next } : {}),
  },
})

describe('createGlanceClient', () => {
  it('authenticates and discovers v2 from the 300 Multiple Choices answer', async () => {
    const glance = await client()
    expect(glance.endpoint).toBe(GLANCE_URL)
    expect(glance.apiVersion).toBe('v2.15')
    expect(glance.projectId).toBe(PROJECT_ID)
  })

  it('fails clearly when the endpoint offers no v2', async () => {
    fake = strictFetch(issueToken(), {
      method: 'GET',
      url: `${GLANCE_URL}/`,
      reply: { status: 200, json: { versions: [{ id: 'v1.1', status: 'SUPPORTED' }] } },
    })
    await expect(createGlanceClient(passwordConfig(), { fetch: fake.fetch })).rejects.toThrow(
      `Glance at ${GLANCE_URL} does not offer API v2; check the 'image' endpoint`,
    )
  })

  it('uses an explicit endpoint (e.g. a proxy) without its /v2 suffix', async () => {
    fake = strictFetch(issueToken(), glanceVersions('http://proxy:8080'))
    const glance = await createGlanceClient(passwordConfig(), {
      fetch: fake.fetch,
      endpoint: 'http://proxy:8080/v2/',
    })
    expect(glance.endpoint).toBe('http://proxy:8080')
  })
})

describe('listImages', () => {
  it('follows next page by page and stops when there is none', async () => {
    const glance = await client(
      {
        method: 'GET',
        url: `${IMAGES}?tag=managed&limit=2`,
        headers: { 'x-auth-token': 'tok' },
        reply: page(['a', 'b'], '/v2/images?tag=managed&limit=2&marker=b'),
      },
      {
        method: 'GET',
        url: `${IMAGES}?tag=managed&limit=2&marker=b`,
        reply: page(['c', 'd'], '/v2/images?tag=managed&limit=2&marker=d'),
      },
      { method: 'GET', url: `${IMAGES}?tag=managed&limit=2&marker=d`, reply: page(['e']) },
    )
    const images = await collect(glance.listImages({ tag: 'managed', limit: 2 }))
    expect(images.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(glance.counter.get('GET /v2/images')).toBe(3)
  })

  it('stops at an empty page even when it has a next link', async () => {
    const glance = await client(
      { method: 'GET', url: IMAGES, reply: page(['a'], '/v2/images?marker=a') },
      { method: 'GET', url: `${IMAGES}?marker=a`, reply: page([], '/v2/images?marker=a') },
    )
    expect((await collect(glance.listImages())).map((i) => i.id)).toEqual(['a'])
  })

  it('resolves next against our endpoint, not the host Glance names', async () => {
    const glance = await client(
      {
        method: 'GET',
        url: `${IMAGES}?limit=1`,
        reply: page(['a'], 'http://internal-name:9292/v2/images?limit=1&marker=a'),
      },
      { method: 'GET', url: `${IMAGES}?limit=1&marker=a`, reply: page([]) },
    )
    expect((await collect(glance.listImages({ limit: 1 }))).map((i) => i.id)).toEqual(['a'])
  })

  it("lists visible and hidden images for os_hidden 'both' (two listings, no duplicates)", async () => {
    const glance = await client(
      {
        method: 'GET',
        url: `${IMAGES}?tag=t&os_hidden=false&visibility=all`,
        reply: page(['a', 'b']),
      },
      {
        method: 'GET',
        url: `${IMAGES}?tag=t&os_hidden=true&visibility=all`,
        reply: page(['b', 'h']),
      },
    )
    const images = await collect(
      glance.listImages({ tag: 't', osHidden: 'both', visibility: 'all' }),
    )
    expect(images.map((i) => i.id)).toEqual(['a', 'b', 'h'])
  })

  it('stops requesting when the caller stops iterating', async () => {
    const glance = await client({
      method: 'GET',
      url: IMAGES,
      reply: page(['a', 'b'], '/v2/images?marker=b'),
    })
    for await (const image of glance.listImages()) {
      expect(image.id).toBe('a')
      break
    }
  })
})

describe('image calls', () => {
  const id = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'

  it('gets an image, and null for a missing one', async () => {
    const glance = await client(
      {
        method: 'GET',
        url: `${IMAGES}/${id}`,
        reply: { status: 200, json: imageJson(id, { os_distro: 'debian' }) },
      },
      {
        method: 'GET',
        url: `${IMAGES}/${id}`,
        reply: { status: 404, body: '<html><h1>404 Not Found</h1>No image found</html>' },
      },
    )
    expect((await glance.getImage(id)).properties).toEqual({ os_distro: 'debian' })
    expect(await glance.findImage(id)).toBeNull()
  })

  it("reads an image's tasks: Glance's message and the import method; counted", async () => {
    const glance = await client({
      method: 'GET',
      url: `${IMAGES}/${id}/tasks`,
      reply: {
        status: 200,
        json: {
          tasks: [
            {
              id: 't1',
              type: 'api_image_import',
              status: 'failure',
              created_at: '2026-12-07T07:40:09.000000',
              updated_at: '2026-12-07T07:40:09.000000',
              image_id: id,
              input: { image_id: id, import_req: { method: { name: 'glance-direct' } } },
              result: null,
              message: 'Task failed due to Internal Error',
            },
          ],
        },
      },
    })
    expect(await glance.imageTasks(id)).toEqual([
      {
        id: 't1',
        type: 'api_image_import',
        status: 'failure',
        message: 'Task failed due to Internal Error',
        result: null,
        created_at: '2026-12-07T07:40:09.000000',
        updated_at: '2026-12-07T07:40:09.000000',
        method: 'glance-direct',
      },
    ])
    expect(glance.counter.get('GET /v2/images/{id}/tasks')).toBe(1)
  })

  it('asks nothing for tasks where the API is older than v2.12', async () => {
    fake = strictFetch(issueToken('tok'), {
      method: 'GET',
      url: `${GLANCE_URL}/`,
      reply: { status: 300, json: { versions: [{ id: 'v2.11', status: 'CURRENT' }] } },
    })
    const glance = await createGlanceClient(passwordConfig(), { fetch: fake.fetch })
    expect(glance.apiVersion).toBe('v2.11')
    expect(await glance.imageTasks(id)).toBeNull()
  })

  it('creates with fixed id, properties and tags in one call', async () => {
    const glance = await client({
      method: 'POST',
      url: IMAGES,
      json: {
        id,
        name: 'Debian 12',
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'private',
        tags: ['managed'],
        os_distro: 'debian',
      },
      reply: { status: 201, json: imageJson(id, { status: 'queued' }) },
    })
    const image = await glance.createImage({
      id,
      name: 'Debian 12',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'private',
      tags: ['managed'],
      properties: { os_distro: 'debian' },
    })
    expect(image.status).toBe('queued')
  })

  it('imports by web-download and glance-direct (202)', async () => {
    const glance = await client(
      {
        method: 'POST',
        url: `${IMAGES}/${id}/import`,
        json: { method: { name: 'web-download', uri: 'http://x/img.qcow2' } },
        reply: { status: 202 },
      },
      {
        method: 'POST',
        url: `${IMAGES}/${id}/import`,
        json: { method: { name: 'glance-direct' } },
        reply: { status: 202 },
      },
    )
    await glance.importImage(id, 'web-download', { uri: 'http://x/img.qcow2' })
    await glance.importImage(id, 'glance-direct')
  })

  it('streams stage and upload bodies, with Content-Length when the size is known', async () => {
    const glance = await client(
      {
        method: 'PUT',
        url: `${IMAGES}/${id}/stage`,
        headers: { 'content-type': 'application/octet-stream', 'content-length': '6' },
        check: (r) => expect(r.body).toBe('abcdef'),
        reply: { status: 204 },
      },
      {
        method: 'PUT',
        url: `${IMAGES}/${id}/file`,
        check: (r) => expect(r.headers['content-length']).toBeUndefined(),
        reply: { status: 204 },
      },
    )
    await glance.stageImage(id, Readable.from([Buffer.from('abc'), Buffer.from('def')]), 6)
    await glance.uploadImage(id, Readable.from([Buffer.from('x')]))
  })

  it('patches with the JSON-patch media type, and skips a patch without changes', async () => {
    const current = parseImage(imageJson(id, { os_distro: 'debian' }))
    const glance = await client({
      method: 'PATCH',
      url: `${IMAGES}/${id}`,
      headers: { 'content-type': 'application/openstack-images-v2.1-json-patch' },
      json: [{ op: 'replace', path: '/os_distro', value: 'ubuntu' }],
      reply: { status: 200, json: imageJson(id, { os_distro: 'ubuntu' }) },
    })
    expect(await glance.updateImage(current, { properties: { os_distro: 'debian' } })).toBe(current)
    expect(
      (await glance.updateImage(current, { properties: { os_distro: 'ubuntu' } })).properties
        .os_distro,
    ).toBe('ubuntu')
  })

  it('tags, deactivates, reactivates and deletes (204)', async () => {
    const glance = await client(
      { method: 'PUT', url: `${IMAGES}/${id}/tags/os%3Adebian`, reply: { status: 204 } },
      { method: 'DELETE', url: `${IMAGES}/${id}/tags/old`, reply: { status: 204 } },
      { method: 'POST', url: `${IMAGES}/${id}/actions/deactivate`, reply: { status: 204 } },
      { method: 'POST', url: `${IMAGES}/${id}/actions/reactivate`, reply: { status: 204 } },
      { method: 'DELETE', url: `${IMAGES}/${id}`, reply: { status: 204 } },
    )
    await glance.addTag(id, 'os:debian')
    await glance.removeTag(id, 'old')
    await glance.deactivateImage(id)
    await glance.reactivateImage(id)
    await glance.deleteImage(id)
    expect(glance.counter.snapshot()).toMatchObject({
      'PUT /v2/images/{id}/tags/{tag}': 1,
      'DELETE /v2/images/{id}/tags/{tag}': 1,
      'POST /v2/images/{id}/actions/deactivate': 1,
      'DELETE /v2/images/{id}': 1,
    })
  })

  it('a DELETE retried after a lost answer that finds the image gone is done; a first 404 is not', async () => {
    const lost = {
      method: 'DELETE',
      url: `${IMAGES}/${id}`,
      reply: { error: fetchFailure('ECONNRESET') },
    }
    const gone = { method: 'DELETE', url: `${IMAGES}/${id}`, reply: { status: 404 } }
    const glance = await client(lost, gone, gone)
    await glance.deleteImage(id)
    await expect(glance.deleteImage(id)).rejects.toThrow(/404/)
    expect(glance.counter.snapshot()).toMatchObject({ 'DELETE /v2/images/{id}': 3 })
  })

  it('manages members', async () => {
    const member = {
      image_id: id,
      member_id: 'p2',
      status: 'pending',
      created_at: 'c',
      updated_at: 'u',
    }
    const glance = await client(
      {
        method: 'POST',
        url: `${IMAGES}/${id}/members`,
        json: { member: 'p2' },
        reply: { status: 200, json: member },
      },
      {
        method: 'PUT',
        url: `${IMAGES}/${id}/members/p2`,
        json: { status: 'accepted' },
        reply: { status: 200, json: { ...member, status: 'accepted' } },
      },
      {
        method: 'GET',
        url: `${IMAGES}/${id}/members`,
        reply: { status: 200, json: { members: [member], schema: '/v2/schemas/members' } },
      },
      { method: 'DELETE', url: `${IMAGES}/${id}/members/p2`, reply: { status: 204 } },
    )
    expect((await glance.addMember(id, 'p2')).status).toBe('pending')
    expect((await glance.updateMemberStatus(id, 'p2', 'accepted')).status).toBe('accepted')
    expect(await glance.listMembers(id)).toHaveLength(1)
    await glance.removeMember(id, 'p2')
  })

  it('reads import methods once and stores', async () => {
    const glance = await client(
      {
        method: 'GET',
        url: `${GLANCE_URL}/v2/info/import`,
        reply: {
          status: 200,
          json: {
            'import-methods': {
              description: 'Import methods available.',
              type: 'array',
              value: ['glance-direct', 'web-download', 'copy-image'],
            },
          },
        },
      },
      {
        method: 'GET',
        url: `${GLANCE_URL}/v2/info/stores`,
        reply: { status: 200, json: { stores: [{ id: 'fs', default: 'true' }] } },
      },
      { method: 'GET', url: `${GLANCE_URL}/v2/info/stores`, reply: { status: 410 } },
    )
    expect((await glance.getImportInfo()).methods).toEqual([
      'glance-direct',
      'web-download',
      'copy-image',
    ])
    expect((await glance.getImportInfo()).methods).toContain('web-download')
    expect(await glance.getStores()).toEqual([{ id: 'fs', default: true }])
    expect(await glance.getStores()).toEqual([])
  })
})
