import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportRejected } from '../../../src/apply/wait.js'
import { ChecksumMismatchError, openDownload } from '../../../src/download/download.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import type { Image } from '../../../src/openstack/glance/types.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  deleteImages,
  deleteImagesByPrefix,
  localGlance,
  uniquePrefix,
} from '../../support/local-cloud.js'
import { waitForRelease } from '../../support/wait-released.js'

const prefix = uniquePrefix('import')
const created: string[] = []
let glance: GlanceClient
let server: ImageServer
let qcow2: Buffer
let sha256: string

beforeAll(async () => {
  glance = await localGlance('local-admin')
  server = await startImageServer()
  qcow2 = await readFile(await makeQcow2(server.dir, 'cirros-like.qcow2', '32M'))
  sha256 = createHash('sha256').update(qcow2).digest('hex')
})

afterAll(async () => {
  await server?.close()
  if (!glance) return
  await deleteImages(glance, created)
  await deleteImagesByPrefix(glance, prefix)
})

async function create(name: string): Promise<Image> {
  const image = await glance.createImage({
    name: `${prefix}${name}`,
    disk_format: 'qcow2',
    container_format: 'bare',
    visibility: 'private',
    tags: [`${prefix}tag`],
  })
  created.push(image.id)
  return image
}

const wait = (id: string, webDownload = false): Promise<Image> =>
  waitForRelease(glance, id, { timeoutMs: 100_000, firstPollMs: 50, webDownload })

describe('image import on the local cloud', () => {
  it('glance-direct: streams a qcow2 into /stage (chunked), imports it and ends active as raw', async () => {
    const image = await create('glance-direct')
    const download = await openDownload(server.urlOf('cirros-like.qcow2'), {
      expected: `sha256:${sha256}`,
    })
    glance.counter.reset()
    await glance.stageImage(image.id, download.stream)
    expect((await download.result).bytes).toBe(qcow2.length)
    await glance.importImage(image.id, 'glance-direct')
    const active = await wait(image.id)
    expect(active.status).toBe('active')
    // Released by its import task, as apply waits for: writes from now on stick.
    expect(active.properties.os_glance_import_task).toBeUndefined()
    // the image_conversion plugin turned the qcow2 into raw
    expect(active.disk_format).toBe('raw')
    expect(active.virtual_size).toBe(32 * 1024 * 1024)
    expect(glance.counter.get('PUT /v2/images/{id}/stage')).toBe(1)
  })

  it('web-download: Glance fetches from the loopback image server and the image ends active', async () => {
    const image = await create('web-download')
    const url = await server.addFile('web.qcow2', qcow2)
    await glance.importImage(image.id, 'web-download', { uri: url })
    const active = await wait(image.id, true)
    expect(active.status).toBe('active')
    expect(active.disk_format).toBe('raw')
    expect(server.requests).toContain('GET /web.qcow2')
  })

  it('upload: PUT /file with a known size keeps the bytes and format as they are', async () => {
    const image = await create('upload')
    const download = await openDownload(`file://${server.dir}/cirros-like.qcow2`, {
      algorithms: ['md5', 'sha512'],
      baseDir: server.dir,
    })
    await glance.uploadImage(image.id, download.stream, download.size)
    const result = await download.result
    const active = await wait(image.id)
    expect(active).toMatchObject({ status: 'active', disk_format: 'qcow2', size: qcow2.length })
    expect(active.checksum).toBe(result.digests.md5)
    expect(active.os_hash_algo).toBe('sha512')
    expect(active.os_hash_value).toBe(result.digests.sha512)
  })

  // Glance 25 (conversion to raw on import): the format check fails the task within
  // a second and says only "Task failed due to Internal Error"; the image stays
  // 'importing' and would be waited for until the import timeout without the task.
  it('raw bytes declared qcow2: the task fails at once, its message read through imageTasks', async () => {
    const image = await create('raw-as-qcow2')
    await glance.stageImage(image.id, Readable.from([randomBytes(2 ** 20)]), 2 ** 20)
    await glance.importImage(image.id, 'glance-direct')
    glance.counter.reset()
    const started = Date.now()
    const error = await waitForRelease(glance, image.id, {
      timeoutMs: 1_800_000,
      task: { method: 'glance-direct', declaredFormat: 'qcow2' },
    }).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(error).toBeInstanceOf(ImportRejected)
    expect((error as Error).message).toMatch(
      /^Glance failed the import: "Task failed due to Internal Error" \(task [0-9a-f-]{36}\)/,
    )
    const tasks = await glance.imageTasks(image.id)
    expect(tasks).toEqual([
      expect.objectContaining({
        type: 'api_image_import',
        status: 'failure',
        message: 'Task failed due to Internal Error',
        result: null,
        method: 'glance-direct',
      }),
    ])
    expect((await glance.getImage(image.id)).disk_format).toBe('qcow2')
    expect(glance.counter.get('GET /v2/images/{id}/tasks')).toBeGreaterThanOrEqual(1)
  })

  it('a checksum mismatch while staging aborts the request with the mismatch', async () => {
    const image = await create('mismatch')
    const download = await openDownload(server.urlOf('cirros-like.qcow2'), {
      expected: `sha256:${'0'.repeat(64)}`,
    })
    await expect(glance.stageImage(image.id, download.stream)).rejects.toThrow(
      ChecksumMismatchError,
    )
    // Glance drops the broken staging upload: the image goes back to queued, ready to be
    // deleted. It does so after the aborted request ends, so give it a moment.
    let after = await glance.getImage(image.id)
    for (let i = 0; i < 20 && after.status !== 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      after = await glance.getImage(image.id)
    }
    expect(after.status).toBe('queued')
  })
})
