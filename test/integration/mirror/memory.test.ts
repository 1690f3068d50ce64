// A 1 GiB image through the bundled CLI into the real S3 store (Swift s3api):
// the whole process stays under 200 MB of peak RSS.
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  createLocalBucket,
  listKeys,
  localS3Endpoint,
  uniqueBucket,
} from '../../support/local-s3.js'

const run = promisify(execFile)
const GiB = 1024 * 1024 * 1024
let dir: string
let server: ImageServer
let checksum = ''
const bucket = uniqueBucket('mirror-mem')

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mirror-mem-'))
  server = await startImageServer()
  // Written in 16 MiB chunks (one random block at different offsets): the test process stays small too.
  const block = randomBytes(16 * 1024 * 1024)
  const hash = createHash('sha256')
  const out = createWriteStream(path.join(server.dir, 'big.qcow2'))
  for (let i = 0; i < GiB / block.length; i++) {
    const chunk = Buffer.concat([Buffer.from(String(i).padStart(8, '0')), block.subarray(8)])
    hash.update(chunk)
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())))
  checksum = hash.digest('hex')
  await run('npx', ['ncc', 'build', 'src/cli/index.ts', '-o', path.join(dir, 'cli'), '--quiet'])
  await mkdir(path.join(dir, 'catalog'))
  await writeFile(
    path.join(dir, 'catalog', 'big.yml'),
    `images:
  - name: Big
    shortname: big
    format: qcow2
    login: user
    min_disk: 1
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hw_disk_bus: scsi
    tags: []
    versions:
      - version: '1'
        url: ${server.urlOf('big.qcow2')}
        checksum: sha256:${checksum}
`,
  )
  await createLocalBucket(bucket)
}, 300_000)

afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('mirror memory', () => {
  it('mirrors 1 GiB with a peak RSS under 200 MB', async () => {
    // The child reports its own peak RSS (kB) as it exits.
    const report = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--import',
        report,
        path.join(dir, 'cli', 'index.js'),
        'mirror',
        '--images',
        path.join(dir, 'catalog'),
        '--endpoint',
        localS3Endpoint(),
        '--bucket',
        bucket,
        '--path-style',
      ],
      {
        env: { ...process.env, AWS_ACCESS_KEY_ID: 'test:tester', AWS_SECRET_ACCESS_KEY: 'testing' },
        maxBuffer: 16 * 1024 * 1024,
      },
    )
    expect(`${stdout}${stderr}`).toMatch(/uploaded 1 \(1024\.0 MiB\)/)
    const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1])
    console.info(`mirror of 1 GiB: peak RSS ${(kb / 1024).toFixed(0)} MiB`)
    expect(kb * 1024).toBeLessThan(200 * 1000 * 1000)
    expect(await listKeys(bucket)).toEqual(['big/1-big.qcow2'])
  }, 300_000)
})
