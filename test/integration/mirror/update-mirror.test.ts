// `update --mirror-url` against the real S3 store (Swift s3api on loopback)
// and a loopback upstream laid out like Ubuntu's cloud-images: the new build
// is mirrored before the bump claims mirror_url, a re-run uploads nothing, and
// a build that fails its checksum, a store that refuses or a public url that
// does not serve the object never end in a mirror_url that points nowhere.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { updateCommand } from '../../../src/commands/update.js'
import { createS3Store, type MirrorStore } from '../../../src/mirror/s3.js'
import type { DefinitionStatus } from '../../../src/update/types.js'
import { openUpdateMirror, type UpdateMirrorOptions } from '../../../src/update/open-mirror.js'
import { bumpBranch } from '../../../src/update/bump-branch.js'
import { runBumpPullRequests } from '../../../src/update/bump-run.js'
import { createGitHubClient } from '../../../src/github/octokit.js'
import { githubDouble } from '../../support/github-openapi.js'
import { fakeRepository } from '../../support/github-repository.js'
import { renderGfm, textOf } from '../../support/cmark-gfm.js'
import { startUpstreamServer, type UpstreamServer } from '../../unit/upstream/upstream-server.js'
import {
  createLocalBucket,
  listKeys,
  localS3Settings,
  publishLocalBucket,
  recordingReporter,
  uniqueBucket,
} from '../../support/local-s3.js'

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const FILE = 'noble-server-cloudimg-amd64.img'
// More than one 16 MiB part: the multipart path is the one tested.
const build = randomBytes(20 * 1024 * 1024)
const OLD_MIRROR = 'https://mirror.invalid/noble/20260119-noble.qcow2'

let server: UpstreamServer
let dir: string
let file: string
let original: string
let bucket: string
let publicUrl: string
const stores: MirrorStore[] = []

function catalog(url: string): string {
  return `images:
  - name: Ubuntu 24.04 # mirrored
    shortname: noble
    format: qcow2
    login: ubuntu
    min_disk: 8
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
      os_purpose: generic
      replace_frequency: never
      uuid_validity: none
      provided_until: none
    tags: []
    latest_checksum_url: ${url}/noble/current/SHA256SUMS
    latest_url: ${url}/noble/current/${FILE}
    versions:
      - version: '20260119'
        url: ${url}/noble/20260119/${FILE}
        mirror_url: ${OLD_MIRROR}
        checksum: sha256:${sha256('old')}
        build_date: 2026-01-19
`
}

/** The upstream: a dated listing, the new build's SHA256SUMS (with `sum` for the image) and the image. */
function publish(sum: string): void {
  server.listing('/noble/', ['20260119/', '20260301/', 'current/'])
  server.file('/noble/20260301/SHA256SUMS', `${sum} *${FILE}\n${sha256('x')} *other.img\n`)
  server.file(`/noble/20260301/${FILE}`, build)
}

async function store(secretAccessKey = 'testing'): Promise<MirrorStore> {
  const s = await createS3Store({ ...localS3Settings(bucket, 'images/'), secretAccessKey })
  stores.push(s)
  return s
}

async function update(mirror: UpdateMirrorOptions, dryRun = false) {
  const reporter = recordingReporter()
  let out = ''
  const code = await updateCommand(
    {
      images: dir,
      dryRun,
      output: 'json',
      mirror,
      write: (t) => (out += t),
    },
    reporter,
  )
  return { code, reporter, statuses: JSON.parse(out) as DefinitionStatus[] }
}

const mirrorOf = async (s: MirrorStore, url = publicUrl): Promise<UpdateMirrorOptions> => ({
  s3: localS3Settings(bucket, 'images/'),
  publicUrl: url,
  store: s,
})

const KEY = 'images/noble/20260301-noble.qcow2'

beforeAll(async () => {
  server = await startUpstreamServer()
  dir = await mkdtemp(path.join(tmpdir(), 'update-mirror-'))
  file = path.join(dir, 'images.yml')
  original = catalog(server.url)
})

beforeEach(async () => {
  bucket = uniqueBucket('update')
  await createLocalBucket(bucket)
  publicUrl = await publishLocalBucket(bucket)
  publish(sha256(build))
  await writeFile(file, original)
})

afterAll(async () => {
  for (const s of stores) s.close()
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe('update with a mirror', () => {
  it('mirrors the new build, then claims its mirror_url; a re-run uploads nothing', async () => {
    const s = await store()
    const r = await update(await mirrorOf(s))
    expect(r.reporter.warnings).toEqual([])
    expect(r.code).toBe(0)
    const url = `${publicUrl}/${KEY}`
    expect(r.statuses[0]).toMatchObject({
      status: 'newer',
      to: '20260301',
      mirror_url: url,
      mirror: `uploaded to s3://${bucket}/${KEY}`,
    })
    // Only the mirror_url line of the entry took the new value; the rest is the plain bump.
    const after = await readFile(file, 'utf8')
    expect(after).toContain(`        mirror_url: ${url}\n`)
    expect(after).not.toContain(OLD_MIRROR)
    expect(await listKeys(bucket)).toEqual([KEY])
    // What the catalog now points at is the build, served anonymously.
    const served = Buffer.from(await (await fetch(url)).arrayBuffer())
    expect(sha256(served)).toBe(sha256(build))
    expect(s.operations.CreateMultipartUpload).toBe(1)

    // The same bump again (the catalog as before): the object is there with that checksum.
    await writeFile(file, original)
    const again = await store()
    const r2 = await update(await mirrorOf(again))
    expect(r2.code).toBe(0)
    expect(r2.statuses[0]).toMatchObject({ mirror: `already in s3://${bucket}/${KEY}` })
    expect(again.operations).toEqual({ HeadObject: 1 })
    expect(await readFile(file, 'utf8')).toBe(after)
  })

  it('a build that does not match its checksum is neither uploaded nor bumped', async () => {
    publish(sha256('another build'))
    const r = await update(await mirrorOf(await store()))
    expect(r.code).toBe(1)
    expect(r.statuses[0]?.status).toBe('error')
    expect(r.statuses[0]?.error).toMatch(/could not be mirrored: .*checksum/i)
    expect(await readFile(file, 'utf8')).toBe(original)
    expect(await listKeys(bucket)).toEqual([])
  })

  it('a store that refuses: the bump goes ahead without a mirror_url and says why, exit 1', async () => {
    const r = await update(await mirrorOf(await store('wrong-secret')))
    expect(r.code).toBe(1)
    expect(r.statuses[0]).toMatchObject({ status: 'newer', to: '20260301' })
    expect(r.statuses[0]?.mirror_url).toBeUndefined()
    expect(r.statuses[0]?.mirror_error).toMatch(/not mirrored: .*check the mirror credentials/)
    expect(r.reporter.warnings.join('\n')).toContain('not mirrored')
    expect(r.reporter.warnings.join('\n')).not.toContain('wrong-secret')
    const after = await readFile(file, 'utf8')
    expect(after).toContain("version: '20260301'")
    expect(after).not.toContain('mirror_url')
    expect(await listKeys(bucket)).toEqual([])
  })

  it('a public url that does not serve the uploaded object is not claimed', async () => {
    const r = await update(await mirrorOf(await store(), `${server.url}/not-the-mirror`))
    expect(r.code).toBe(1)
    expect(r.statuses[0]?.mirror_error).toContain(
      `${server.url}/not-the-mirror/${KEY} does not serve it`,
    )
    expect(await readFile(file, 'utf8')).not.toContain('mirror_url')
  })

  it('a public url that answers 200 with something else (no checksum metadata) is not claimed', async () => {
    // Issue 21, finding 5: a bare 200 is no proof the url serves the uploaded build.
    server.file(`/elsewhere/${KEY}`, 'some other file')
    const r = await update(await mirrorOf(await store(), `${server.url}/elsewhere`))
    expect(r.code).toBe(1)
    expect(r.statuses[0]?.mirror_error).toContain(
      `${server.url}/elsewhere/${KEY} does not serve it (it answers, but the object has no checksum metadata)`,
    )
    expect(await readFile(file, 'utf8')).not.toContain('mirror_url')
    // The bucket holds the build all the same: only the claim is refused.
    expect(await listKeys(bucket)).toEqual([KEY])
  })

  it('--dry-run uploads nothing and writes nothing', async () => {
    const s = await store()
    const r = await update(await mirrorOf(s), true)
    expect(r.code).toBe(0)
    expect(r.statuses[0]).toMatchObject({ mirror: `would upload to s3://${bucket}/${KEY}` })
    expect(s.operations).toEqual({ HeadObject: 1 })
    expect(await listKeys(bucket)).toEqual([])
    expect(await readFile(file, 'utf8')).toBe(original)
  })

  it('a bump pull request carries the mirror_url only after the upload, and says why when it cannot', async () => {
    const run = async (secret: string) => {
      const repository = fakeRepository({
        owner: 'acme',
        repo: 'images',
        files: { 'images.yml': original },
      })
      const github = githubDouble({ serve: (r) => repository.serve(r) })
      const reporter = recordingReporter()
      const s = await store(secret)
      const mirror = await openUpdateMirror(
        { s3: localS3Settings(bucket, 'images/'), publicUrl, store: s },
        { dryRun: false },
        reporter,
      )
      const result = await runBumpPullRequests(
        {
          images: dir,
          cwd: dir,
          root: dir,
          dryRun: false,
          per: 'file',
          labels: [],
          target: { owner: 'acme', repo: 'images', base: 'main' },
          client: createGitHubClient({ token: 't', fetch: github.fetch }),
          mirror,
        },
        reporter,
      )
      github.done()
      const [pull] = repository.pulls
      const text = repository.file(bumpBranch('images.yml'), 'images.yml')
      return { result, pull, text, reporter }
    }

    const ok = await run('testing')
    expect(ok.result.mirrorFailed).toBe(0)
    expect(ok.reporter.infos).toContain(
      `images.yml: Ubuntu 24.04: 20260119 → 20260301 (mirror_url ${publicUrl}/${KEY}: uploaded to s3://${bucket}/${KEY})`,
    )
    expect(ok.text).toContain(`mirror_url: ${publicUrl}/${KEY}`)
    expect(ok.pull?.body).toContain('| Mirror |')
    expect(textOf(renderGfm(ok.pull?.body ?? ''))).toContain(`${publicUrl}/${KEY}`)

    // Another bucket, refused: the pull request bumps without a mirror_url and says why.
    bucket = uniqueBucket('update')
    await createLocalBucket(bucket)
    const refused = await run('wrong-secret')
    expect(refused.result.mirrorFailed).toBe(1)
    expect(refused.text).toContain("version: '20260301'")
    expect(refused.text).not.toContain('mirror_url')
    expect(textOf(renderGfm(refused.pull?.body ?? ''))).toMatch(/not mirrored: .*HTTP 403/)
    expect(await readFile(file, 'utf8')).toBe(original)
  })
})
