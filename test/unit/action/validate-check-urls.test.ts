// `command: validate` with `check-urls: true` on a pull request, as a runner
// drives it: a pull_request payload in GITHUB_EVENT_PATH, GITHUB_API_URL at the
// OpenAPI-checked GitHub double on loopback, image urls on a loopback server.
// Only the definitions whose lines the pull request changes are asked.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readOutputs } from '../../support/action-outputs.js'
import { specExample } from '../../support/github-openapi.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import { startImageServer, type ImageServer } from '../../support/image-server.js'

const OWNER = 'acme'
const REPO = 'images'
const PR = 12
const TOKEN = 'ghs_checkurlstesttoken0123456789'
const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'

let run: () => Promise<void>
let github: GitHubServer
let images: ImageServer
let work: string
let written = ''
const env = { ...process.env }

function definition(name: string, url: string): string[] {
  return [
    `  - name: ${name}`,
    '    format: qcow2',
    '    login: ubuntu',
    '    min_disk: 8',
    '    min_ram: 512',
    '    status: active',
    '    visibility: public',
    '    multi: false',
    '    meta:',
    '      architecture: x86_64',
    '      hw_disk_bus: virtio',
    '    tags: []',
    '    versions:',
    "      - version: '1'",
    `        url: ${url}`,
  ]
}

/** Line numbers in `a.yml`: First spans 2-16, Second 17-31. */
let aText: string[]
const lineOf = (text: string): number => aText.findIndex((l) => l.includes(text)) + 1

function entry(filename: string, patch?: string): Record<string, unknown> {
  const [example] = specExample('diff-entry-items') as unknown as Record<string, unknown>[]
  const base = { ...example }
  delete base.patch
  return { ...base, filename, status: 'modified', changes: 2, ...(patch ? { patch } : {}) }
}

/** A one-line change of line `n` of the new file. */
const patchAt = (n: number): string => `@@ -${n},1 +${n},1 @@\n-old\n+new`

async function step(files: Record<string, unknown>[]) {
  github.double.expect({
    route: FILES,
    params: { owner: OWNER, repo: REPO, pull_number: PR, per_page: 100, page: 1 },
    headers: { authorization: `token ${TOKEN}` },
    reply: { status: 200, data: files },
  })
  writeFileSync(process.env.GITHUB_OUTPUT as string, '')
  written = ''
  process.exitCode = 0
  images.requests.length = 0
  await run()
  github.double.done()
  return readOutputs(process.env.GITHUB_OUTPUT as string)
}

beforeAll(async () => {
  github = await startGitHubServer()
  images = await startImageServer()
  await images.addFile('live.img', 'bytes')
  work = mkdtempSync(path.join(os.tmpdir(), 'validate-action-'))
  aText = [
    'images:',
    ...definition('First', images.urlOf('live.img')),
    ...definition('Second', images.urlOf('gone.img')),
  ]
  writeFileSync(path.join(work, 'a.yml'), `${aText.join('\n')}\n`)
  writeFileSync(
    path.join(work, 'b.yml'),
    `${['images:', ...definition('Third', images.urlOf('also-gone.img'))].join('\n')}\n`,
  )
  const event = path.join(work, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({ number: PR, pull_request: { number: PR }, repository: { name: REPO } }),
  )
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: path.join(work, 'output'),
    GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
    RUNNER_TEMP: work,
    INPUT_COMMAND: 'validate',
    INPUT_IMAGES: work,
    'INPUT_CHECK-URLS': 'true',
    'INPUT_GITHUB-TOKEN': TOKEN,
  })
  writeFileSync(process.env.GITHUB_STEP_SUMMARY as string, '')
  // @actions/github reads the event and GITHUB_API_URL when it is loaded: load what uses it after.
  ;({ run } = await import('../../../src/action/run.js'))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written += String(chunk)
    return true
  })
})

afterAll(async () => {
  vi.restoreAllMocks()
  process.env = { ...env }
  process.exitCode = 0
  await github.close()
  await images.close()
})

// The first request loads GitHub's OpenAPI description (seconds on a loaded machine).
describe('command: validate with check-urls on a pull request', { timeout: 30_000 }, () => {
  it('asks only the urls of the definitions whose lines changed', async () => {
    const outputs = await step([
      entry('a.yml', patchAt(lineOf('name: First') + 3)),
      entry('README.md'),
    ])
    expect(process.exitCode, written).toBe(0)
    expect(outputs.result).toBe('valid')
    expect(images.requests).toEqual(['HEAD /live.img'])
    expect(written).toMatch(/urls: 1 url of 1 definition checked/)
  })

  it('annotates a dead url of a changed definition on its line and fails', async () => {
    const line = lineOf('gone.img')
    const outputs = await step([entry('a.yml', patchAt(line))])
    expect(process.exitCode).toBe(1)
    expect(outputs.result).toBe('invalid')
    expect(images.requests).toEqual(['HEAD /gone.img'])
    expect(written).toMatch(
      new RegExp(
        `::error title=Image definition,file=[^,]*/a\\.yml,line=${line},col=9::url '${images.url}/gone\\.img' of 'Second' version 1 answers 404 Not Found`,
      ),
    )
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY as string, 'utf8')).toMatch(
      /urls: 1 url of 1 definition checked/,
    )
  })

  it('checks the whole of a file whose patch GitHub leaves out', async () => {
    await step([entry('b.yml')])
    expect(process.exitCode).toBe(1)
    expect(images.requests).toEqual(['HEAD /also-gone.img'])
  })
})
