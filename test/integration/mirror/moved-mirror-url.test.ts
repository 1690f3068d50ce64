// Issue 21, finding 5: a bump without `--mirror-url` moves the old mirror_url
// to the new build only when the mirror serves the new object with the new
// build's checksum as its metadata, and the new url stays on the same origin
// and in the same directory. Against the real S3 store (Swift s3api on
// loopback, buckets served publicly as a mirror is) and a loopback upstream:
// a hostile upstream names its build so that the old splice climbed into
// another tenant's public bucket on the same host, which holds a planted
// object with the right checksum metadata.
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import { createUpstreamHttp } from '../../../src/download/upstream-http.js'
import { createS3Store, type MirrorStore } from '../../../src/mirror/s3.js'
import { claimMirror } from '../../../src/update/claim-mirror.js'
import { createReader, type Reader } from '../../../src/upstream/reader.js'
import type { UpstreamBuild } from '../../../src/upstream/types.js'
import { startUpstreamServer, type UpstreamServer } from '../../unit/upstream/upstream-server.js'
import {
  createLocalBucket,
  localS3Settings,
  publishLocalBucket,
  uniqueBucket,
} from '../../support/local-s3.js'

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const OLD = 'CentOS-Stream-GenericCloud-9-20240430.0.x86_64.qcow2'
const NEW = 'CentOS-Stream-GenericCloud-9-20240501.0.x86_64.qcow2'
const build = randomBytes(64 * 1024)
const CHECKSUM = `sha256:${sha256(build)}`

let upstream: UpstreamServer
let reader: Reader
let mirror: { bucket: string; url: string; store: MirrorStore }
let tenant: { bucket: string; url: string; store: MirrorStore }

async function publicBucket(label: string) {
  const bucket = uniqueBucket(label)
  await createLocalBucket(bucket)
  const url = await publishLocalBucket(bucket)
  return { bucket, url, store: await createS3Store(localS3Settings(bucket)) }
}

const put = (store: MirrorStore, key: string, metadata: Record<string, string>, body = build) =>
  store.upload({ key, body: Readable.from([body]), metadata, size: body.length })

/** A tracked CentOS definition whose first version is mirrored at `mirrorUrl`. */
const definition = (mirrorUrl: string): Definition =>
  ({
    name: 'CentOS Stream 9',
    shortname: 'centos',
    format: 'qcow2',
    versions: [
      {
        version: '20240430',
        url: `${upstream.url}/centos/${OLD}`,
        mirror_url: mirrorUrl,
        checksum: `sha256:${sha256('old')}`,
      },
    ],
  }) as unknown as Definition

/** The newest build as a hostile or honest upstream names it (the name is percent-encoded in its url). */
const newBuild = (name: string, checksum = CHECKSUM): UpstreamBuild => ({
  version: '20240501',
  buildDate: '2024-05-01',
  url: `${upstream.url}/centos/${encodeURIComponent(name)}`,
  checksum: { algorithm: 'sha256', hex: checksum.slice('sha256:'.length) },
})

beforeAll(async () => {
  upstream = await startUpstreamServer()
  reader = createReader({ http: await createUpstreamHttp() })
  mirror = await publicBucket('moved')
  tenant = await publicBucket('tenant')
  // The honest move: the new build mirrored as `image-manager mirror` writes it.
  await put(mirror.store, `centos/20240501/${NEW}`, { checksum: CHECKSUM })
  // Another tenant's public bucket on the same host: a planted object that claims the checksum.
  await put(tenant.store, 'x.qcow2', { checksum: CHECKSUM }, Buffer.from('not the build'))
})

afterAll(async () => {
  mirror?.store.close()
  tenant?.store.close()
  await upstream?.close()
})

const old = () => `${mirror.url}/centos/20240430/${OLD}`

describe('a moved mirror_url (update without --mirror-url)', () => {
  it('moves to the new build when the mirror serves it with its checksum metadata', async () => {
    const claim = await claimMirror(definition(old()), newBuild(NEW), reader)
    expect(claim).toEqual({
      kind: 'set',
      url: `${mirror.url}/centos/20240501/${NEW}`,
      note: 'already on the mirror',
    })
  })

  it('a hostile file name cannot climb out of the directory into another bucket of the host', async () => {
    const hostile = `../../../${tenant.bucket}/x.qcow2?x=1#frag`
    // What the splice made of it before: the planted object, which answers 200 with the checksum.
    const spliced = new URL(`${mirror.url}/centos/20240501/${hostile}`)
    expect(spliced.pathname).toBe(`${new URL(tenant.url).pathname}/x.qcow2`)
    expect(publicHeaders(await reader.head(spliced.href))).toBe(CHECKSUM)

    const claim = await claimMirror(definition(old()), newBuild(hostile), reader)
    expect(claim.kind).toBe('drop')
    expect(claim).toMatchObject({
      reason: expect.stringContaining(`the new build's name '${hostile}' holds a slash`),
    })
    expect(JSON.stringify(claim)).not.toContain(tenant.bucket + '/x.qcow2"')
  })

  it('a bare 200 is not enough: an object without checksum metadata, or with another build’s, is not claimed', async () => {
    await put(mirror.store, 'centos/20240501/bare.qcow2', {})
    const bare = await claimMirror(definition(old()), newBuild('bare.qcow2'), reader)
    expect(bare).toMatchObject({
      kind: 'drop',
      reason: expect.stringContaining('it answers, but the object has no checksum metadata'),
    })
    const other = `sha256:${sha256('another build')}`
    const wrong = await claimMirror(definition(old()), newBuild(NEW, other), reader)
    expect(wrong).toMatchObject({
      kind: 'drop',
      reason: expect.stringContaining(`the object holds another build (${CHECKSUM})`),
    })
  })

  it('percent-encodes the new name: `%`, `?`, `#` and spaces stay in the one object', async () => {
    const name = 'CentOS 9 50%?#.qcow2'
    await put(mirror.store, `centos/20240501/${name}`, { checksum: CHECKSUM })
    const claim = await claimMirror(definition(old()), newBuild(name), reader)
    expect(claim).toEqual({
      kind: 'set',
      url: `${mirror.url}/centos/20240501/CentOS%209%2050%25%3F%23.qcow2`,
      note: 'already on the mirror',
    })
  })

  it('changes only a folder that is the version, not one that merely contains it', async () => {
    const claim = await claimMirror(
      definition(`${mirror.url}/centos-20240430/20240430/${OLD}`),
      newBuild(NEW),
      reader,
    )
    expect(claim).toMatchObject({
      kind: 'drop',
      reason: expect.stringContaining(`${mirror.url}/centos-20240430/20240501/${NEW}`),
    })
  })

  it('drops a mirror_url with a query or fragment: the new one would carry it elsewhere', async () => {
    for (const tail of ['?v=20240430', '#20240430']) {
      const claim = await claimMirror(definition(`${old()}${tail}`), newBuild(NEW), reader)
      expect(claim).toMatchObject({
        kind: 'drop',
        reason: expect.stringContaining('is not a plain http(s) url (a query or fragment)'),
      })
    }
  })
})

const publicHeaders = (h: Headers): string | null =>
  h.get('x-amz-meta-checksum') ?? h.get('x-object-meta-checksum')
