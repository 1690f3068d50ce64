// `command: update` with signed checksum files, as the weekly job runs it:
// INPUT_* variables, the GitHub double holding the catalog (key file
// included), Ubuntu-style build folders on loopback with SHA256SUMS and a
// detached SHA256SUMS.gpg. The build whose signature holds gets a bump pull
// request whose body names the key that vouched; the one whose SHA256SUMS was
// changed after signing gets none, and the step reports an error.
import { writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readOutputs } from '../../support/action-outputs.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import { fakeRepository, type FakeRepository } from '../../support/github-repository.js'
import { sha256 } from '../../unit/upstream/layouts.js'
import { detachedSignature, makeKey, type TestKey } from '../../unit/upstream/signing-keys.js'
import { startUpstreamServer, type UpstreamServer } from '../../unit/upstream/upstream-server.js'

const OWNER = 'acme'
const REPO = 'images'
const TOKEN = 'ghp_signedupdatetoken0123456789abcdef'
const FILE = 'etc/images/ubuntu.yml'
const KEYS = 'etc/images/keys/ubuntu-cloud-images.asc'

let work: string
let github: GitHubServer
let repository: FakeRepository
let upstream: UpstreamServer
let key: TestKey
let written = ''

const image = (series: string): string => `${series}-server-cloudimg-amd64.img`

/** `/<series>/` lists 20250101/ and 20250201/, each with SHA256SUMS and its signature. */
async function publish(series: string, forgeNewest: boolean): Promise<void> {
  upstream.listing(`/${series}/`, ['20250101/', '20250201/', 'current/'])
  for (const build of ['20250101', '20250201']) {
    const sums = `${sha256(`${series}/${build}`)} *${image(series)}\n`
    upstream.file(`/${series}/${build}/SHA256SUMS.gpg`, await detachedSignature(key, sums))
    const served =
      forgeNewest && build === '20250201' ? `${sha256('forged')} *${image(series)}\n` : sums
    upstream.file(`/${series}/${build}/SHA256SUMS`, served)
  }
}

const definition = (name: string, series: string): string => `  - name: ${name}
    format: qcow2
    login: ubuntu
    min_disk: 4
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta: {architecture: x86_64, hw_disk_bus: scsi, os_distro: ubuntu, os_version: '${name.split(' ')[1]}', os_purpose: generic, replace_frequency: weekly, uuid_validity: last-3, provided_until: none}
    tags: []
    latest_url: ${upstream.url}/${series}/current/${image(series)}
    latest_checksum_url: ${upstream.url}/${series}/current/SHA256SUMS
    checksum_signature: *ubuntu-signature
    versions:
      - version: '20250101'
        url: ${upstream.url}/${series}/20250101/${image(series)}
        checksum: sha256:${sha256(`${series}/20250101`)}
`

beforeAll(async () => {
  key = await makeKey('Ubuntu Cloud Image Builder')
  upstream = await startUpstreamServer()
  await publish('noble', false)
  await publish('jammy', true)
  const catalog =
    `images:\n${definition('Ubuntu 24.04', 'noble')}${definition('Ubuntu 22.04', 'jammy')}`.replace(
      'checksum_signature: *ubuntu-signature',
      `checksum_signature: &ubuntu-signature {signature: .gpg, keys: [keys/ubuntu-cloud-images.asc], fingerprints: ['${key.fingerprint}']}`,
    )
  repository = fakeRepository({
    owner: OWNER,
    repo: REPO,
    files: { [FILE]: catalog, [KEYS]: key.armoredPublic, 'README.md': 'images\n' },
  })
  github = await startGitHubServer({ serve: (r) => repository.serve(r) })
  work = await mkdtemp(path.join(os.tmpdir(), 'action-signed-update-'))
  await mkdir(path.join(work, 'etc/images/keys'), { recursive: true })
  // actions/checkout: the workspace holds the base branch.
  for (const f of [FILE, KEYS])
    await writeFile(path.join(work, f), repository.file('main', f) as string)
  await writeFile(
    path.join(work, 'event.json'),
    JSON.stringify({ schedule: '41 4 * * 1', repository: { default_branch: 'main' } }),
  )
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: path.join(work, 'event.json'),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: path.join(work, 'github_output'),
    GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
    RUNNER_TEMP: work,
  })
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
  Object.assign(process.env, {
    INPUT_COMMAND: 'update',
    INPUT_IMAGES: 'etc/images/',
    INPUT_TOKEN: TOKEN,
    INPUT_PULL_REQUEST_PER: 'image',
  })
  writeFileSync(path.join(work, 'github_output'), '')
  writeFileSync(path.join(work, 'summary.md'), '')
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written += String(chunk)
    return true
  })
}, 60_000)

afterAll(async () => {
  vi.restoreAllMocks()
  process.exitCode = 0
  await github?.close()
  await upstream?.close()
  await rm(work, { recursive: true, force: true })
})

describe('the update job with signed checksum files', () => {
  it('opens a pull request for the signed build only, naming the key that vouched', async () => {
    const cwd = process.cwd()
    process.chdir(work)
    try {
      // Imported only now: @actions/github reads the event when it loads, as on a runner.
      const { run } = await import('../../../src/action/run.js')
      await run()
    } finally {
      process.chdir(cwd)
    }
    const outputs = readOutputs(path.join(work, 'github_output'))
    expect(outputs).toMatchObject({ result: 'failed', 'newer-builds': '1', errors: '1' })
    expect(written).toMatch(/Ubuntu 22\.04.*SHA256SUMS\.gpg does not hold/)
    const open = repository.pulls.filter((p) => p.state === 'open')
    expect(open.map((p) => p.title)).toEqual(['Update Ubuntu 24.04 to 20250201'])
    const body = open[0]?.body ?? ''
    expect(body).toContain('| Signed by |')
    expect(body).toContain(`<code>${key.fingerprint}</code> Ubuntu Cloud Image Builder &#60;`)
    expect(process.exitCode).toBe(1)
  })
})
