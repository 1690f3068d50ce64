// Glance 2025.1's refusals (a 409 for its import lock, a 415 for a format
// mismatch) read as their cause, not as an HTTP status (docs/behaviour.md §4).
import { describe, expect, it } from 'vitest'
import { HttpError } from '../../../src/http/error.js'
import { explainRefusal, lockedAfterFailure, lockHolder } from '../../../src/apply/refusal.js'
import { ImportError, ImportRejected } from '../../../src/apply/wait.js'
import type { Image } from '../../../src/openstack/glance/types.js'

const URL = 'http://127.0.0.1:9292/v2/images/0b1c'
const httpError = (method: string, path: string, status: number, said?: string): HttpError =>
  new HttpError(method, `${URL}${path}`, [204], status, '{}', said)

describe('explainRefusal', () => {
  it('a 409 "Image has active task" is the import lock an earlier task holds', () => {
    const e = explainRefusal(httpError('POST', '/import', 409, 'Image has active task'), {
      format: 'raw',
    })
    expect(e).toBeInstanceOf(ImportRejected)
    expect((e as Error).message).toBe(
      'Glance refused the import: "Image has active task": an earlier import task of this image still holds its import lock (os_glance_import_task; Glance 2025.1 keeps it 60 minutes after a failed import)',
    )
  })

  it('a 415 on upload is a format mismatch, naming the declared and the sniffed format', () => {
    const said = 'The request media type application/octet-stream is not supported by this server.'
    const e = explainRefusal(httpError('PUT', '/file', 415, said), {
      format: 'vhd',
      sniffed: 'raw',
    })
    expect(e).toBeInstanceOf(ImportRejected)
    expect((e as Error).message).toBe(
      `Glance refused the data as not matching the declared format vhd (PUT /file answered 415: "${said}"; Glance 2025.1 checks the data against disk_format); its first bytes look like raw to this tool`,
    )
  })

  it('a 415 without a message or a sniff still names the declared format and the call', () => {
    const e = explainRefusal(httpError('PUT', '/stage?x=1', 415), { format: 'qcow2' })
    expect((e as Error).message).toBe(
      'Glance refused the data as not matching the declared format qcow2 (PUT /stage answered 415: "HTTP 415"; Glance 2025.1 checks the data against disk_format)',
    )
  })

  it('other answers stay as they are: a 409 for another conflict, a 500, a non-HTTP error', () => {
    const conflict = httpError('PUT', '/stage', 409, 'The image 0b1c has data on staging')
    const server = httpError('PUT', '/file', 500, 'boom')
    const plain = new ImportError('x')
    for (const e of [conflict, server, plain, 'text'])
      expect(explainRefusal(e, { format: 'raw' })).toBe(e)
  })
})

describe('the import lock after a failed import', () => {
  const image = (lock?: string): Image =>
    ({
      id: 'i',
      status: 'queued',
      properties: lock ? { os_glance_import_task: lock } : {},
    }) as unknown as Image

  it('lockHolder names the task that holds the lock, none when the property is absent or empty', () => {
    expect(lockHolder(image('t-1'))).toBe('t-1')
    expect(lockHolder(image())).toBeUndefined()
    expect(lockHolder(image(''))).toBeUndefined()
  })

  it('the first failure leads; the lock says why no other method is tried', () => {
    const e = lockedAfterFailure(
      new ImportError('Glance failed the import: "bad" (task t-1)'),
      't-1',
      'glance-direct',
    )
    expect(e).toBeInstanceOf(ImportRejected)
    expect(e.message).toBe(
      'Glance failed the import: "bad" (task t-1); not retried with glance-direct: Glance still holds the image\'s import lock (os_glance_import_task t-1) after the failed import, which Glance 2025.1 keeps for 60 minutes, so any other import would only be refused with "409 Image has active task"',
    )
  })
})
