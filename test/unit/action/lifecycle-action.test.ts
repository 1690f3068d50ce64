// `command: lifecycle` as a runner drives it: INPUT_* variables, GITHUB_OUTPUT
// and the job summary, endoflife.date on loopback, and the tracking issue on
// the OpenAPI-checked GitHub double behind GITHUB_API_URL: created with
// findings, edited in place, closed when the catalog is clean.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readOutputs } from '../../support/action-outputs.js'
import { startEndOfLifeServer, type EndOfLifeServer } from '../../support/endoflife-server.js'
import { specExample, type GitHubRequest } from '../../support/github-openapi.js'
import { identityExpectations } from '../../support/github-identity.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
const OWNER = 'acme'
const REPO = 'images'
const TOKEN = 'ghs_lifecycletesttoken0123456789'
const LIST = 'GET /repos/{owner}/{repo}/issues'
const CREATE = 'POST /repos/{owner}/{repo}/issues'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'

interface Stored {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  /** Opened by a person (a stranger's issue), not by the token's bot. */
  byPerson?: boolean
}
const issues: Stored[] = []

function apiIssue(i: Stored): Record<string, unknown> {
  // The description's example is an issue of a pull request: without that, a plain issue.
  const example = specExample('issue')
  delete example.pull_request
  return {
    ...example,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${i.number}`,
    user: i.byPerson
      ? example.user
      : { ...(example.user as object), login: 'github-actions[bot]', type: 'Bot' },
  }
}
const auth = { authorization: `token ${TOKEN}` }
/** Each run asks once whom its token writes as. */
const whoami = () => identityExpectations(undefined, 'app', auth)
const list = {
  route: LIST,
  headers: auth,
  reply: () => ({
    status: 200,
    data: issues.filter((i) => i.state === 'open').map(apiIssue),
  }),
}
const create = {
  route: CREATE,
  headers: auth,
  reply: (request: GitHubRequest) => {
    const stored: Stored = {
      number: 40 + issues.length,
      title: request.params.title as string,
      body: request.params.body as string,
      state: 'open',
    }
    issues.push(stored)
    return { status: 201, data: apiIssue(stored) }
  },
}
const update = {
  route: UPDATE,
  headers: auth,
  reply: (request: GitHubRequest) => {
    const stored = issues.find((i) => i.number === request.params.issue_number) as Stored
    if (stored.byPerson) throw new Error(`edited issue ${stored.number}, a stranger's`)
    stored.title = request.params.title as string
    stored.body = request.params.body as string
    if (request.params.state === 'closed') stored.state = 'closed'
    return { status: 200, data: apiIssue(stored) }
  },
}

let github: GitHubServer
let eol: EndOfLifeServer
let work: string
let written = ''
let run: () => Promise<void>
let LIFECYCLE_MARKER: string
const env = { ...process.env }

async function step(images: string, extra: Record<string, string> = {}) {
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
  const inputs = {
    command: 'lifecycle',
    images,
    'eol-url': eol.url,
    'lifecycle-issue': 'true',
    'github-token': TOKEN,
    ...extra,
  }
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.toUpperCase()}`] = value
  writeFileSync(process.env.GITHUB_OUTPUT as string, '')
  writeFileSync(process.env.GITHUB_STEP_SUMMARY as string, '')
  written = ''
  process.exitCode = 0
  await run()
  return {
    outputs: readOutputs(process.env.GITHUB_OUTPUT as string),
    summary: readFileSync(process.env.GITHUB_STEP_SUMMARY as string, 'utf8'),
  }
}

beforeAll(async () => {
  github = await startGitHubServer()
  eol = await startEndOfLifeServer()
  work = mkdtempSync(path.join(os.tmpdir(), 'lifecycle-action-'))
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_OUTPUT: path.join(work, 'output'),
    GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
    RUNNER_TEMP: work,
  })
  // @actions/github reads GITHUB_API_URL when it is loaded: load what uses it after.
  ;({ run } = await import('../../../src/action/run.js'))
  ;({ LIFECYCLE_MARKER } = await import('../../../src/action/lifecycle-issue.js'))
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
  await eol.close()
})

// The first request loads GitHub's OpenAPI description (seconds on a loaded machine).
describe('command: lifecycle', { timeout: 30_000 }, () => {
  it('opens the tracking issue with the report, without failing the step', async () => {
    github.double.expect(...whoami(), list, create)
    const { outputs, summary } = await step(path.join(fixtures, 'lifecycle/catalog.yml'))
    expect(process.exitCode, written).toBe(0)
    github.double.done()
    expect(outputs.result).toBe('findings')
    expect(Number(outputs.findings)).toBeGreaterThan(0)
    expect(outputs).toMatchObject({
      issue: 'created',
      'issue-number': '40',
      'issue-url': `https://github.com/${OWNER}/${REPO}/issues/40`,
    })
    const [issue] = issues
    expect(issue?.body).toBe(`${LIFECYCLE_MARKER}\n${summary.trim()}\n`)
    expect(issue?.title).toMatch(/^Image lifecycle: .*past end of life$/)
    expect(written).not.toContain(TOKEN)
  })

  it('leaves the issue as it is when nothing changed', async () => {
    github.double.expect(...whoami(), list)
    const { outputs } = await step(path.join(fixtures, 'lifecycle/catalog.yml'))
    github.double.done()
    expect(outputs.issue).toBe('unchanged')
  })

  it('closes it once the catalog is clean, with the clean report', async () => {
    github.double.expect(...whoami(), list, update)
    const { outputs } = await step(path.join(fixtures, 'valid/seed-cirros.yml'))
    github.double.done()
    expect(outputs).toMatchObject({ result: 'clean', findings: '0', issue: 'closed' })
    expect(issues.map((i) => i.state)).toEqual(['closed'])
    expect(issues[0]?.title).toBe('Image lifecycle: nothing to do')
  })

  it('touches no issue when clean and none is open, nor without lifecycle-issue', async () => {
    github.double.expect(...whoami(), list)
    expect((await step(path.join(fixtures, 'valid/seed-cirros.yml'))).outputs.issue).toBe('none')
    const { outputs } = await step(path.join(fixtures, 'lifecycle/catalog.yml'), {
      'lifecycle-issue': 'false',
    })
    github.double.done()
    expect(outputs.result).toBe('findings')
    expect(outputs.issue).toBeUndefined()
  })

  it('never edits or closes a stranger’s open issue with the marker: opens its own beside it', async () => {
    const fake = `${LIFECYCLE_MARKER}\nNot the bot's report`
    const stranger: Stored = {
      number: 7,
      title: 'Copied',
      body: fake,
      state: 'open',
      byPerson: true,
    }
    issues.push(stranger)
    // Clean: the stranger's issue is not closed.
    github.double.expect(...whoami(), list)
    expect((await step(path.join(fixtures, 'valid/seed-cirros.yml'))).outputs.issue).toBe('none')
    // Findings: a new issue of its own, the stranger's untouched.
    github.double.expect(...whoami(), list, create)
    const { outputs } = await step(path.join(fixtures, 'lifecycle/catalog.yml'))
    github.double.done()
    expect(outputs.issue).toBe('created')
    expect(stranger).toEqual({
      number: 7,
      title: 'Copied',
      body: fake,
      state: 'open',
      byPerson: true,
    })
    const writes = github.double.requests.filter(
      (r) => r.params.issue_number === 7 && !r.route.startsWith('GET '),
    )
    expect(writes).toEqual([])
  })

  it('fails the step on invalid definitions and on a bad eol-url', async () => {
    const invalid = await step(path.join(fixtures, 'invalid/32-bad-format.yml'))
    expect(invalid.outputs.result).toBe('invalid')
    expect(process.exitCode).toBe(1)
    await step(path.join(fixtures, 'lifecycle/catalog.yml'), { 'eol-url': 'ftp://mirror' })
    expect(process.exitCode).toBe(1)
    expect(written).toContain("::error::--eol-url 'ftp://mirror' must be an http or https url")
    github.double.done()
  })
})
