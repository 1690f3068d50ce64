// The action end to end, as a runner drives it: INPUT_* variables, a real
// pull_request webhook payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, GITHUB_API_URL at the OpenAPI-checked GitHub
// double on loopback, and the real local Keystone + Glance. Then apply makes
// the cloud match and sets its outputs, and the next plan has nothing to do.
// The bundle runs in a node process of its own, as the runner runs it: dist/
// when it is fresh, else the same build made for the test; ACTION_ENTRY=<file>
// runs another bundle, ACTION_ENTRY=source the sources in this process.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readOutputs } from '../../support/action-outputs.js'
import { pullRequestNow } from '../../support/action-harness.js'
import { freshBundle } from '../../support/bundle.js'
import { specExample, type GitHubRequest } from '../../support/github-openapi.js'
import { identityExpectations } from '../../support/github-identity.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  deleteImagesByPrefix,
  localCloudsYaml,
  localGlance,
  uniquePrefix,
} from '../../support/local-cloud.js'

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
const TOKEN = 'ghs_plancommenttesttoken0123456789'

interface WebhookExample {
  name: string
  examples: {
    action?: string
    number?: number
    pull_request: { head: { sha: string } }
    repository: { full_name: string }
  }[]
}
const webhooks = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookExample[]
const opened = webhooks
  .find((w) => w.name === 'pull_request')
  ?.examples.find((e) => e.action === 'opened')
if (!opened?.number) throw new Error('@octokit/webhooks-examples has no pull_request.opened')
const PR = opened.number
const [OWNER, REPO] = opened.repository.full_name.split('/') as [string, string]
/** Before writing, the action asks for the pull request's head: still the one planned. */
const head = pullRequestNow({ owner: OWNER, repo: REPO, number: PR }, opened.pull_request.head.sha)

/** The pull request's comments as GitHub would keep them; ids ascend like GitHub's. */
interface Stored {
  id: number
  body: string
  by: 'bot' | 'person'
}

const prefix = uniquePrefix('action')
const tag = `${prefix}managed`
let work: string
let images: ImageServer
let github: GitHubServer
let cloudsYaml: string
let password: RegExp
let run: () => Promise<void>
let planMarker: (cloud: string) => string
let written = ''
const comments: Stored[] = []
let nextId = 9000

function apiComment(c: Stored): Record<string, unknown> {
  const example = specExample('issue-comment')
  const user = example.user as Record<string, unknown>
  return {
    ...example,
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${c.id}`,
    url: `${github.url}/repos/${OWNER}/${REPO}/issues/comments/${c.id}`,
    issue_url: `${github.url}/repos/${OWNER}/${REPO}/issues/${PR}`,
    user:
      c.by === 'bot'
        ? { ...user, login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
        : { ...user, login: 'octocat', type: 'User' },
  }
}

const auth = { authorization: `token ${TOKEN}` }
/** Each run asks once whom its token writes as (an installation token: `github-actions[bot]`). */
const whoami = () => identityExpectations(undefined, 'app', auth)
const list = {
  route: LIST,
  params: { owner: OWNER, repo: REPO, issue_number: PR, per_page: 100, page: 1 },
  headers: auth,
  reply: () => ({ status: 200, data: comments.map(apiComment) }),
}
const create = {
  route: CREATE,
  headers: auth,
  reply: (request: GitHubRequest) => {
    const stored: Stored = { id: nextId++, body: request.params.body as string, by: 'bot' }
    comments.push(stored)
    return { status: 201, data: apiComment(stored) }
  },
}
const update = {
  route: UPDATE,
  headers: auth,
  reply: (request: GitHubRequest) => {
    const stored = comments.find((c) => c.id === request.params.comment_id)
    if (stored?.by !== 'bot')
      throw new Error(`edited comment ${String(request.params.comment_id)}, not the bot's`)
    stored.body = request.params.body as string
    return { status: 200, data: apiComment(stored) }
  },
}

const definitionName = `${prefix}Cirros`

async function writeCatalog(versions: string[]): Promise<string> {
  const dir = path.join(work, 'etc/images')
  const entries = await Promise.all(
    versions.map(async (v) => {
      const url = await images.addFile(
        `cirros-${v}.qcow2`,
        readFileSync(await makeQcow2(work, `c-${v}.qcow2`)),
      )
      return `      - version: '${v}'\n        url: ${url}\n        build_date: 2023-05-30\n`
    }),
  )
  await writeFile(
    path.join(dir, 'cirros.yml'),
    `images:
  - name: ${definitionName}
    format: qcow2
    login: cirros
    min_disk: 1
    min_ram: 64
    status: active
    visibility: private
    multi: false
    meta:
      architecture: x86_64
      hypervisor_type: qemu
      hw_disk_bus: virtio
      hw_rng_model: virtio
      os_distro: cirros
      os_purpose: minimal
      replace_frequency: never
      uuid_validity: none
      provided_until: none
    tags: []
    versions:
${entries.join('')}`,
  )
  return dir
}

async function runBundle(entry: string): Promise<void> {
  try {
    const child = await promisify(execFile)(process.execPath, [entry], {
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    })
    written = child.stdout
    process.exitCode = 0
  } catch (error) {
    const failure = error as { code?: unknown; stdout?: string }
    written = failure.stdout ?? String(error)
    process.exitCode = typeof failure.code === 'number' ? failure.code : 1
  }
}

const files = {
  output: '',
  summary: '',
}

/** One step of a job: fresh INPUT_* variables, empty output and summary files. */
async function step(inputs: Record<string, string>): Promise<Record<string, string>> {
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.toUpperCase()}`] = value
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  written = ''
  process.exitCode = 0
  await run()
  return readOutputs(files.output)
}

const planInputs = (cloud: string): Record<string, string> => ({
  command: 'plan',
  images: path.join(work, 'etc/images'),
  cloud,
  'clouds-yaml': cloudsYaml,
  tag,
  comment: 'true',
  'github-token': TOKEN,
})

function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(password)
    expect(text).not.toContain(TOKEN)
  }
}

describe('the action on a pull request and a push', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'action-e2e-'))
    await writeFile(path.join(work, 'event.json'), JSON.stringify(opened))
    await mkdir(path.join(work, 'etc/images'), { recursive: true })
    images = await startImageServer()
    github = await startGitHubServer()
    cloudsYaml = (await localCloudsYaml()).content
    const secrets = [...cloudsYaml.matchAll(/password:\s*(\S+)/g)].map((m) => m[1] as string)
    password = new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))
    files.output = path.join(work, 'github_output')
    files.summary = path.join(work, 'step_summary.md')
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(work, 'event.json'),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: github.url,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: work,
    })
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk)
      return true
    })
    // Imported only now (nothing above may load @actions/github): it reads the event when it
    // loads, as on a runner.
    const entry =
      process.env.ACTION_ENTRY ?? (await freshBundle('src/action/index.ts', 'dist', work))
    run =
      entry === 'source'
        ? (await import('../../../src/action/run.js')).run
        : () => runBundle(path.resolve(entry))
    planMarker = (await import('../../../src/action/plan-comment.js')).planMarker
  })

  afterAll(async () => {
    vi.restoreAllMocks()
    process.exitCode = 0
    await deleteImagesByPrefix(await localGlance(), prefix)
    await github?.close()
    await images?.close()
    await rm(work, { recursive: true, force: true })
  })

  it('the first plan creates the one comment of its cloud and sets the outputs', async () => {
    await writeCatalog(['0.6.1'])
    github.double.expect(head, ...whoami(), list, create)
    const outputs = await step(planInputs('local-admin'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    expect(comments).toHaveLength(1)
    const [comment] = comments as [Stored]
    expect(comment.body.split('\n')[0]).toBe(planMarker('local-admin'))
    expect(comment.body).toContain(`${definitionName} 0.6.1`)
    expect(outputs).toMatchObject({
      result: 'planned',
      'has-changes': 'true',
      changes: '1',
      imports: '1',
      renames: '0',
      updates: '0',
      retirements: '0',
      applied: '0',
      failed: '0',
      comment: 'created',
      'comment-id': String(comment.id),
      'comment-url': `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${comment.id}`,
    })
    const plan = JSON.parse(readFileSync(outputs['plan-json'] as string, 'utf8'))
    const schema = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../../schemas/plan.schema.json'), 'utf8'),
    )
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
      addFormatsModule) as (a: Ajv2020) => void
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true)
    expect(plan.cloud).toBe('local-admin')
    const report = readFileSync(outputs['report-markdown'] as string, 'utf8')
    expect(report).toContain(definitionName)
    expect(readFileSync(files.summary, 'utf8')).toContain(report)
    expectNoSecrets(comment.body, readFileSync(files.output, 'utf8'), report)
  })

  it('a second plan of the same definitions edits only when the cloud was read', async () => {
    const [bot] = comments as [Stored]
    const before = bot.body
    github.double.expect(head, ...whoami(), list, update)
    const outputs = await step(planInputs('local-admin'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    expect(comments).toHaveLength(1)
    // The time is in the provenance line and in the record (with the same digest).
    const digest = (body: string): string | undefined => /(sha256:[0-9a-f]{64})/.exec(body)?.[1]
    const strip = (body: string): string =>
      body.replace(/cloud read at .*$/m, '').replace(/^<!-- image-manager-plan-record:.*$/m, '')
    expect(strip(bot.body)).toBe(strip(before))
    expect(digest(bot.body)).toBe(digest(before))
    expect(outputs).toMatchObject({ comment: 'updated', 'comment-id': String(bot.id) })
  })

  it("a changed definition edits that comment in place, never a person's comment quoting the marker", async () => {
    const [bot] = comments as [Stored]
    const quote = `${planMarker('local-admin')}\nQuoting the bot: why import this?`
    comments.unshift({ id: 1, body: quote, by: 'person' })
    await writeCatalog(['0.6.1', '0.6.2'])
    github.double.expect(head, ...whoami(), list, update)
    const outputs = await step(planInputs('local-admin'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    expect(comments.map((c) => c.id)).toEqual([1, bot.id])
    expect(comments[0]?.body).toBe(quote)
    expect(bot.body).toContain(`${definitionName} 0.6.2`)
    expect(outputs).toMatchObject({
      comment: 'updated',
      'comment-id': String(bot.id),
      imports: '2',
    })
  })

  it('a second cloud gets a comment of its own', async () => {
    github.double.expect(head, ...whoami(), list, create)
    const outputs = await step(planInputs('local-member'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    const bots = comments.filter((c) => c.by === 'bot')
    expect(bots.map((c) => c.body.split('\n')[0])).toEqual([
      planMarker('local-admin'),
      planMarker('local-member'),
    ])
    expect(outputs).toMatchObject({ comment: 'created', 'comment-id': String(bots[1]?.id) })
  })

  it('apply makes the cloud match and sets its outputs; the next plan has nothing to do', async () => {
    const applied = await step({
      command: 'apply',
      images: path.join(work, 'etc/images'),
      cloud: 'local-admin',
      'clouds-yaml': cloudsYaml,
      tag,
      'import-timeout': '300',
    })
    expect(process.exitCode, written).toBe(0)
    expect(applied).toMatchObject({
      result: 'applied',
      'has-changes': 'true',
      changes: '2',
      imports: '2',
      applied: '2',
      failed: '0',
    })
    expect(applied).not.toHaveProperty('comment')
    const glance = await localGlance()
    const names: string[] = []
    for await (const image of glance.listImages({ tag, visibility: 'all', osHidden: 'both' })) {
      names.push(`${image.name} ${image.status}`)
    }
    expect(names.sort()).toEqual([
      `${definitionName} 0.6.1 active`,
      `${definitionName} 0.6.2 active`,
    ])

    github.double.expect(head, ...whoami(), list, update)
    const replanned = await step(planInputs('local-admin'))
    github.double.done()
    expect(replanned).toMatchObject({ result: 'planned', 'has-changes': 'false', changes: '0' })
    expect(comments.filter((c) => c.by === 'bot')).toHaveLength(2)
  })

  it("when only a person's comment carries the marker, creates its own and never touches the person's", async () => {
    // Another pull request's state: one comment, a person's, copying the marker.
    const copied = `${planMarker('local-admin')}\nI copied the marker: edit me?`
    comments.length = 0
    comments.push({ id: 2, body: copied, by: 'person' })
    github.double.requests.length = 0
    github.double.expect(head, ...whoami(), list, create)
    const outputs = await step(planInputs('local-admin'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    expect(comments[0]).toEqual({ id: 2, body: copied, by: 'person' })
    const mine = comments[1] as Stored
    expect(mine.by).toBe('bot')
    expect(mine.body.split('\n')[0]).toBe(planMarker('local-admin'))
    expect(outputs).toMatchObject({ comment: 'created', 'comment-id': String(mine.id) })
    const touching = github.double.requests.filter(
      (r) => r.params.comment_id === 2 || /^(PATCH|DELETE) /.test(r.route),
    )
    expect(touching).toEqual([])
  })

  it("with a person's own token (GET /user answers), that person's comment is the tool's and is edited", async () => {
    const [, mine] = comments as [Stored, Stored]
    const person = comments.find((c) => c.id === 2) as Stored
    const before = mine.body
    github.double.expect(head, ...identityExpectations('octocat', 'user', auth), list, {
      ...update,
      reply: (request: GitHubRequest) => {
        if (request.params.comment_id !== 2) throw new Error('edited the bot’s comment')
        person.body = request.params.body as string
        return { status: 200, data: apiComment(person) }
      },
    })
    const outputs = await step(planInputs('local-admin'))
    github.double.done()
    expect(process.exitCode, written).toBe(0)
    expect(outputs).toMatchObject({ comment: 'updated', 'comment-id': '2' })
    expect(person.body.split('\n')[0]).toBe(planMarker('local-admin'))
    expect(mine.body).toBe(before)
  })
})
