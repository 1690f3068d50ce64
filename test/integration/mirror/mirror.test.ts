// mirror against the real S3 store (Swift s3api on loopback): upload, an
// idempotent re-run, a checksum mismatch and an interrupted download.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorCommand } from '../../../src/commands/mirror.js'
import { createS3Store, type MirrorStore } from '../../../src/mirror/s3.js'
import { startImageServer, type ImageServer } from '../../support/image-server.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'
import {
  createLocalBucket,
  listKeys,
  localS3Settings,
  recordingReporter,
  uniqueBucket,
} from '../../support/local-s3.js'

let dir: string
let server: ImageServer
const bucket = uniqueBucket('mirror')
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

// 20 MiB: more than one part, so the multipart path is the one tested.
const big = randomBytes(20 * 1024 * 1024)
const small = randomBytes(64 * 1024)

function catalog(
  entries: { name: string; short: string; url: string; checksum: string }[],
): string {
  return `images:\n${entries
    .map(
      (e) => `  - name: ${e.name}
    shortname: ${e.short}
    format: qcow2
    login: ubuntu
    min_disk: 1
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hw_disk_bus: scsi
      hw_rng_model: virtio
      hw_scsi_model: virtio-scsi
      hw_watchdog_action: reset
      os_distro: ubuntu
      os_version: '24.04'
      replace_frequency: never
      uuid_validity: none
      provided_until: none
    tags: []
    versions:
      - version: '20240101'
        url: ${e.url}
        checksum: sha256:${e.checksum}
`,
    )
    .join('')}`
}

async function writeCatalog(name: string, text: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

async function run(images: string, store: MirrorStore, dryRun = false) {
  const reporter = recordingReporter()
  const code = await mirrorCommand(
    { images, dryRun, s3: localS3Settings(bucket, 'mirror/'), cwd: dir, store },
    reporter,
  )
  return { code, reporter }
}

/** Runs `fn` with a store on the test bucket, closed afterwards whatever happens. */
async function withStore(fn: (store: MirrorStore) => Promise<void>): Promise<void> {
  const store = await createS3Store(localS3Settings(bucket, 'mirror/'))
  try {
    await fn(store)
  } finally {
    store.close()
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mirror-it-'))
  server = await startImageServer()
  await server.addFile('big.qcow2', big)
  await server.addFile('small.qcow2', small)
  await createLocalBucket(bucket)
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe('mirror against Swift s3api', () => {
  it('uploads every build at its key, then a re-run uploads nothing', async () => {
    const images = await writeCatalog(
      'ok.yml',
      catalog([
        {
          name: 'Ubuntu 24.04',
          short: 'ubuntu-24.04',
          url: server.urlOf('big.qcow2'),
          checksum: sha256(big),
        },
        { name: 'Tiny', short: 'tiny', url: server.urlOf('small.qcow2'), checksum: sha256(small) },
      ]),
    )
    await withStore(async (store) => {
      const dry = await run(images, store, true)
      expect(dry.code).toBe(0)
      expect(dry.reporter.infos.filter((l) => l.startsWith('+ '))).toHaveLength(2)
      expect(await listKeys(bucket)).toEqual([])

      const first = await run(images, store)
      expect(first.reporter.warnings).toEqual([])
      expect(first.code).toBe(0)
      expect(await listKeys(bucket)).toEqual([
        'mirror/tiny/20240101-tiny.qcow2',
        'mirror/ubuntu-24.04/20240101-ubuntu-24.04.qcow2',
      ])
      expect(store.operations.UploadPart).toBeGreaterThanOrEqual(2)
      const head = await store.head('mirror/ubuntu-24.04/20240101-ubuntu-24.04.qcow2')
      expect(head).toEqual({ size: big.length, checksum: `sha256:${sha256(big)}` })

      const before = { ...store.operations }
      const gets = server.requests.filter((r) => r.startsWith('GET')).length
      const second = await run(images, store)
      expect(second.code).toBe(0)
      expect(second.reporter.infos.at(-1)).toMatch(/uploaded 0 .* 2 already mirrored, 0 failed/)
      // Only the two HEADs: no part, no PutObject, no download.
      const sent = Object.fromEntries(
        Object.entries(store.operations).map(([k, n]) => [k, n - (before[k] ?? 0)]),
      )
      expect(Object.fromEntries(Object.entries(sent).filter(([, n]) => n > 0))).toEqual({
        HeadObject: 2,
      })
      expect(server.requests.filter((r) => r.startsWith('GET')).length).toBe(gets)
    })
  }, 120_000)

  it('uploads nothing when the checksum does not match, and says so', async () => {
    const images = await writeCatalog(
      'bad.yml',
      catalog([
        { name: 'Bad', short: 'bad', url: server.urlOf('big.qcow2'), checksum: sha256(small) },
        {
          name: 'Bad small',
          short: 'badsmall',
          url: server.urlOf('small.qcow2'),
          checksum: sha256(big),
        },
      ]),
    )
    await withStore(async (store) => {
      const result = await run(images, store)
      expect(result.code).toBe(1)
      expect(result.reporter.warnings).toHaveLength(2)
      for (const w of result.reporter.warnings) expect(w).toMatch(/Checksum mismatch/)
      const keys = await listKeys(bucket)
      expect(keys.filter((k) => k.includes('bad'))).toEqual([])
    })
  }, 120_000)

  it('leaves no object when the download breaks off', async () => {
    // The server promises more bytes than it sends, then closes the connection.
    const { createServer } = await import('node:http')
    const broken = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(big.length) })
      res.write(big.subarray(0, 18 * 1024 * 1024), () => res.destroy())
    })
    const port = await listenLoopback(broken)
    const images = await writeCatalog(
      'cut.yml',
      catalog([
        {
          name: 'Cut',
          short: 'cut',
          url: `http://127.0.0.1:${port}/cut.qcow2`,
          checksum: sha256(big),
        },
      ]),
    )
    try {
      await withStore(async (store) => {
        const result = await run(images, store)
        expect(result.code).toBe(1)
        expect(result.reporter.warnings).toHaveLength(1)
        expect(await listKeys(bucket)).not.toContain('mirror/cut/20240101-cut.qcow2')
        expect(await store.head('mirror/cut/20240101-cut.qcow2')).toBeNull()
        expect(store.operations.CreateMultipartUpload).toBe(1)
        expect(store.operations.CompleteMultipartUpload ?? 0).toBe(0)
      })
    } finally {
      await closeServer(broken)
    }
  }, 120_000)
})
