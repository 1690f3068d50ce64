// `command: update` end to end, as the weekly job runs it: INPUT_* variables,
// GITHUB_OUTPUT, the real upstream discovery against an Ubuntu-style build
// listing on loopback, and GITHUB_API_URL at the OpenAPI-checked GitHub
// double, which serves an in-memory repository holding the same catalog.
// First run: one pull request per changed file. Second run: zero writes.
// A newer build: the same pull request, force-updated. The catalog taking
// the build: the pull request closed, its branch deleted.
import { createServer, type Server } from 'node:http'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readOutputs } from '../../support/action-outputs.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import { fakeRepository, type FakeRepository } from '../../support/github-repository.js'

const OWNER = 'acme'
const REPO = 'images'
const TOKEN = 'ghp_bumptokenfortheupdatejob0123456789'
const NOBLE = 'etc/images/ubuntu-24.04.yml'
const JAMMY = 'etc/images/ubuntu-22.04.yml'

/** Ubuntu cloud-images on loopback: `/<series>/` lists dated folders, each with SHA256SUMS. */
const builds: Record<string, string[]> = { noble: ['20250101'], jammy: ['20250102'] }
const file = (series: string): string => `${series}-server-cloudimg-amd64.img`
const digest = (series: string, build: string): string =>
  Buffer.from(`${series}${build}`).toString('hex').padEnd(64, 'a').slice(0, 64)
let upstream: Server
let upstreamUrl: string
let upstreamRequests = 0

function serveUpstream(url: string): { status: number; body: string } {
  const [, series, folder, name] = /^\/([^/]+)\/(?:([^/]+)\/)?(.*)$/.exec(url) ?? []
  const list = builds[series ?? '']
  if (!list) return { status: 404, body: 'not found' }
  if (folder === undefined && name === '') {
    const links = [...list, 'current'].map((b) => `<a href="${b}/">${b}/</a>`).join('\n')
    return { status: 200, body: `<html><body><a href="../">../</a>\n${links}\n</body></html>` }
  }
  const build = folder === 'current' ? list.at(-1) : folder
  if (!build || !list.includes(build) || name !== 'SHA256SUMS')
    return { status: 404, body: 'not found' }
  const line = (b: string, n: string) => `${digest(series as string, b)} *${n}\n`
  return { status: 200, body: line(build, file(series as string)) + line(build, 'other.tar.gz') }
}

/** A tracked multi definition, as a catalog keeps it; `version` is its first (newest) build. */
function catalog(name: string, series: string, version: string, checksum: string): string {
  const base = `${upstreamUrl}/${series}`
  return `---
# ${name}: tracked upstream (latest_url + latest_checksum_url).
images:
  - name: ${name}
    format: qcow2
    login: ubuntu
    min_disk: 4
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hypervisor_type: qemu
      hw_disk_bus: scsi
      hw_rng_model: virtio
      hw_scsi_model: virtio-scsi
      hw_watchdog_action: reset
      os_distro: ubuntu
      os_version: '${name.split(' ')[1]}'
      os_purpose: generic
      replace_frequency: weekly
      uuid_validity: last-3
      provided_until: none
    tags: []
    latest_url: ${base}/current/${file(series)}
    latest_checksum_url: ${base}/current/SHA256SUMS
    versions:
      - version: '${version}'
        url: ${base}/${version}/${file(series)}
        checksum: "sha256:${checksum}"
        build_date: ${version.slice(0, 4)}-${version.slice(4, 6)}-${version.slice(6)}
`
}

let work: string
let github: GitHubServer
let repository: FakeRepository
let run: () => Promise<void>
let written = ''
const outputFile = (): string => path.join(work, 'github_output')

/** One step of the job: fresh INPUT_* variables and output file; the workspace as checked out. */
async function step(inputs: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
  const all = {
    command: 'update',
    images: 'etc/images/',
    token: TOKEN,
    'github-token': 'ghs_fallbacktoken',
    labels: 'images, upstream',
    ...inputs,
  }
  for (const [name, value] of Object.entries(all))
    process.env[`INPUT_${name.toUpperCase()}`] = value
  // actions/checkout: the workspace holds the base branch as it is now.
  for (const f of [NOBLE, JAMMY])
    await writeFile(path.join(work, f), repository.file('main', f) as string)
  writeFileSync(outputFile(), '')
  writeFileSync(path.join(work, 'summary.md'), '')
  written = ''
  process.exitCode = 0
  github.double.requests.length = 0
  upstreamRequests = 0
  await run()
  github.double.done()
  return readOutputs(outputFile())
}

const writes = (): string[] =>
  // GraphQL `viewer { login }` (whom the token writes as) only reads.
  github.double.requests
    .filter((r) => !r.route.startsWith('GET ') && r.route !== 'POST /graphql')
    .map((r) => r.route)
const open = () => repository.pulls.filter((p) => p.state === 'open')
const pullOf = (file: string) => open().find((p) => p.head === `image-manager/update/${file}`)

describe('the update job', () => {
  let cwd: string
  beforeAll(async () => {
    upstream = createServer((request, response) => {
      upstreamRequests++
      const answer = serveUpstream(request.url ?? '/')
      response.writeHead(answer.status, {
        'content-type': 'text/html',
        'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
      })
      response.end(answer.body)
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    work = await mkdtemp(path.join(os.tmpdir(), 'action-update-'))
    await mkdir(path.join(work, 'etc/images'), { recursive: true })
    repository = fakeRepository({
      owner: OWNER,
      repo: REPO,
      files: {
        [NOBLE]: catalog('Ubuntu 24.04', 'noble', '20250101', digest('noble', '20250101')),
        [JAMMY]: catalog('Ubuntu 22.04', 'jammy', '20250102', digest('jammy', '20250102')),
        'README.md': 'images\n',
      },
    })
    github = await startGitHubServer({ serve: (r) => repository.serve(r) })
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
      GITHUB_OUTPUT: outputFile(),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
      RUNNER_TEMP: work,
    })
    cwd = process.cwd()
    process.chdir(work)
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk)
      return true
    })
    // Imported only now: @actions/github reads the event when it loads, as on a runner.
    run = (await import('../../../src/action/run.js')).run
  })

  afterAll(async () => {
    vi.restoreAllMocks()
    process.chdir(cwd)
    process.exitCode = 0
    await github?.close()
    await new Promise((resolve) => upstream?.close(resolve))
    await rm(work, { recursive: true, force: true })
  })

  it('the first run opens one pull request per changed file', async () => {
    builds.noble?.push('20250201')
    builds.jammy?.push('20250202')
    const outputs = await step()
    expect(process.exitCode, written).toBe(0)
    expect(outputs).toMatchObject({
      result: 'checked',
      'newer-builds': '2',
      'pull-requests-created': '2',
      'pull-requests-updated': '0',
      'pull-requests-closed': '0',
      errors: '0',
    })
    expect(open().map((p) => [p.title, p.head, p.labels])).toEqual([
      ['Update Ubuntu 22.04 to 20250202', `image-manager/update/${JAMMY}`, ['images', 'upstream']],
      ['Update Ubuntu 24.04 to 20250201', `image-manager/update/${NOBLE}`, ['images', 'upstream']],
    ])
    // The branch changes exactly the four values of the first version entry.
    const before = (repository.file('main', NOBLE) as string).split('\n')
    const after = (repository.file(`image-manager/update/${NOBLE}`, NOBLE) as string).split('\n')
    const changed = after.filter((line, i) => line !== before[i])
    expect(changed).toEqual([
      "      - version: '20250201'",
      `        url: ${upstreamUrl}/noble/20250201/${file('noble')}`,
      `        checksum: "sha256:${digest('noble', '20250201')}"`,
      '        build_date: 2025-02-01',
    ])
    expect(after).toHaveLength(before.length)
    expect(pullOf(NOBLE)?.body).toContain(`20250101 → 20250201`)
    expect(
      github.double.requests.every((r) => r.headers.authorization === 'token [REDACTED]'),
    ).toBe(true)
    // `::add-mask::` is how the runner learns to mask it; it never shows that line.
    expect(written).toContain(`::add-mask::${TOKEN}`)
    expect(written.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
    expect(readFileSync(outputFile(), 'utf8')).not.toContain(TOKEN)
    expect(JSON.parse(outputs['pull-requests'] as string)).toEqual([
      expect.objectContaining({ file: JAMMY, operation: 'created', number: 1 }),
      expect.objectContaining({ file: NOBLE, operation: 'created', number: 2 }),
    ])
  })

  it('a second run with no upstream change makes zero write requests', async () => {
    const outputs = await step()
    expect(process.exitCode, written).toBe(0)
    expect(writes()).toEqual([])
    expect(upstreamRequests).toBeGreaterThan(0)
    expect(outputs).toMatchObject({
      'pull-requests-created': '0',
      'pull-requests-updated': '0',
      'pull-requests-closed': '0',
    })
  })

  it('a newer upstream build updates the same pull request', async () => {
    const first = repository.branches()[`image-manager/update/${NOBLE}`]
    builds.noble?.push('20250208')
    const outputs = await step()
    expect(outputs).toMatchObject({ 'pull-requests-created': '0', 'pull-requests-updated': '1' })
    expect(repository.pulls).toHaveLength(2)
    expect(pullOf(NOBLE)).toMatchObject({ number: 2, title: 'Update Ubuntu 24.04 to 20250208' })
    expect(repository.branches()[`image-manager/update/${NOBLE}`]).not.toBe(first)
    expect(repository.file(`image-manager/update/${NOBLE}`, NOBLE)).toContain(
      digest('noble', '20250208'),
    )
    expect(writes()).toContain('PATCH /repos/{owner}/{repo}/git/refs/{ref}')
  })

  it('a catalog that already has the build closes the pull request and deletes its branch', async () => {
    repository.merge(pullOf(JAMMY)?.number as number)
    const outputs = await step()
    expect(outputs).toMatchObject({ 'pull-requests-closed': '1', 'pull-requests-updated': '0' })
    expect(repository.branches()[`image-manager/update/${JAMMY}`]).toBeUndefined()
    // Edited by hand to the newest build while its pull request is open: closed too.
    repository.commit('main', {
      [NOBLE]: repository.file(`image-manager/update/${NOBLE}`, NOBLE) as string,
    })
    const again = await step()
    expect(again).toMatchObject({ 'pull-requests-closed': '1' })
    expect(open()).toEqual([])
    expect(Object.keys(repository.branches())).toEqual(['main'])
    expect((await step())['pull-requests-closed']).toBe('0')
    expect(writes()).toEqual([])
  })

  it('with only GITHUB_TOKEN it warns that no workflow will run on the pull requests', async () => {
    builds.jammy?.push('20250301')
    const outputs = await step({ token: '' })
    expect(outputs['pull-requests-created'], written).toBe('1')
    expect(written).toMatch(
      /::warning::Bump pull requests are opened with GITHUB_TOKEN: GitHub starts no workflow/,
    )
  })

  it('an upstream that fails is an error of the step; the other files still get their pull requests', async () => {
    builds.noble?.push('20250309')
    const keep = builds.jammy
    delete builds.jammy
    const outputs = await step()
    builds.jammy = keep as string[]
    expect(process.exitCode).toBe(1)
    expect(outputs).toMatchObject({
      result: 'failed',
      errors: '1',
      'pull-requests-created': '1',
      'pull-requests-closed': '0',
    })
    // The jammy pull request of the step before stays open: its file could not be checked.
    expect(
      open()
        .map((p) => p.head)
        .sort(),
    ).toEqual([`image-manager/update/${JAMMY}`, `image-manager/update/${NOBLE}`])
  })
})
