// Reviewed = applied, end to end: the bundled action as the runner runs it
// (INPUT_*, real pull_request / push / workflow_dispatch payloads from
// @octokit/webhooks-examples, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), the
// OpenAPI-checked GitHub double, and the real local Glance. A plan for an
// older head writes nothing; the merge compares the plan it makes with the
// one recorded in the merged pull request's comment, applies it (`report`) or
// refuses (`require`), and says so on that pull request.
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMarker, planMarker } from '../../../src/action/plan-comment.js'
import { readRecord } from '../../../src/action/plan-record.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import {
  actionRunner,
  pullRequestComments,
  pullRequestNow,
  pullRequestsOfCommit,
  type ActionRunner,
} from '../../support/action-harness.js'
import { freshBundle } from '../../support/bundle.js'
import { identityExpectations } from '../../support/github-identity.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  deleteImagesByPrefix,
  localCloudsYaml,
  localGlance,
  uniquePrefix,
} from '../../support/local-cloud.js'

interface Example {
  name: string
  examples: Record<string, unknown>[]
}
const webhooks = createRequire(import.meta.url)('@octokit/webhooks-examples') as Example[]
const example = (name: string, pick: (e: Record<string, unknown>) => boolean) => {
  const found = webhooks.find((w) => w.name === name)?.examples.find(pick)
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name} example`)
  return structuredClone(found)
}
const opened = example('pull_request', (e) => e.action === 'opened') as {
  number: number
  pull_request: { head: { sha: string } }
  repository: { full_name: string }
}
const pushed = example('push', (e) => e.ref === 'refs/heads/master' && e.deleted === false) as {
  after: string
}
const dispatched = example('workflow_dispatch', () => true)

const PR = opened.number
const HEAD = opened.pull_request.head.sha
const OLDER = 'a'.repeat(40)
const MERGE = pushed.after
const [OWNER, REPO] = opened.repository.full_name.split('/') as [string, string]
const TOKEN = 'ghs_reviewedplantesttoken0123456789'
const CLOUD = 'local-admin'
const whoami = () => identityExpectations(undefined, 'app', { authorization: `token ${TOKEN}` })

const prefix = uniquePrefix('reviewed')
const tag = `${prefix}managed`
const definitionName = `${prefix}Cirros`
let work: string
let images: ImageServer
let github: GitHubServer
let glance: GlanceClient
let cloudsYaml: string
let runner: ActionRunner
let store: ReturnType<typeof pullRequestComments>

const where = { owner: OWNER, repo: REPO, number: PR }
const pullNow = (head: string) => pullRequestNow(where, head)
const pullsOfCommit = (merged: boolean) => pullRequestsOfCommit(where, MERGE, merged ? HEAD : null)

async function writeCatalog(versions: string[]): Promise<void> {
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
    path.join(work, 'etc/images/cirros.yml'),
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
}

const common = (): Record<string, string> => ({
  images: path.join(work, 'etc/images'),
  cloud: CLOUD,
  'clouds-yaml': cloudsYaml,
  tag,
  'github-token': TOKEN,
})
const plan = (head: string) =>
  runner.step(
    {
      name: 'pull_request',
      payload: {
        ...opened,
        pull_request: { ...opened.pull_request, head: { ...opened.pull_request.head, sha: head } },
      },
    },
    { ...common(), command: 'plan', comment: 'true' },
  )
const apply = (event: { name: string; payload: unknown; sha?: string }, mode = 'report') =>
  runner.step(event, {
    ...common(),
    command: 'apply',
    comment: 'true',
    'reviewed-plan': mode,
    'import-timeout': '300',
  })
const push = { name: 'push', payload: pushed, sha: MERGE }

/** The managed images: name, status and os_distro. */
async function cloud(): Promise<string[]> {
  const found: string[] = []
  for await (const image of glance.listImages({ tag, visibility: 'all', osHidden: 'both' }))
    found.push(`${image.name} ${image.status} ${image.properties.os_distro}`)
  return found.sort()
}

/** Someone else changes the cloud: os_distro of the image of `version`. */
async function drift(version: string): Promise<void> {
  for await (const image of glance.listImages({ tag, visibility: 'all', osHidden: 'both' }))
    if (image.name === `${definitionName} ${version}`)
      await glance.patchImage(image.id, [{ op: 'replace', path: '/os_distro', value: 'drifted' }])
}

/** Markdown as GitHub shows it: the escaped characters back (names are escaped). */
const shown = (markdown: string): string =>
  markdown.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))

const planComment = () => store.comments.find((c) => c.body.startsWith(planMarker(CLOUD)))
const applyComment = () => store.comments.find((c) => c.body.startsWith(applyMarker(CLOUD)))

describe('reviewed = applied', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'reviewed-plan-'))
    await mkdir(path.join(work, 'etc/images'), { recursive: true })
    images = await startImageServer()
    github = await startGitHubServer()
    glance = await localGlance()
    cloudsYaml = (await localCloudsYaml()).content
    store = pullRequestComments({
      owner: OWNER,
      repo: REPO,
      number: PR,
      apiUrl: github.url,
      token: TOKEN,
    })
    // ACTION_ENTRY=<file> runs another bundle (e.g. one built once for several runs).
    const entry =
      process.env.ACTION_ENTRY ?? (await freshBundle('src/action/index.ts', 'dist', work))
    runner = actionRunner(path.resolve(entry), work, {
      repository: `${OWNER}/${REPO}`,
      apiUrl: github.url,
    })
  }, 600_000)

  afterAll(async () => {
    await deleteImagesByPrefix(glance, prefix)
    await github?.close()
    await images?.close()
    await rm(work, { recursive: true, force: true })
  }, 600_000)

  it('(b) a plan for an older head than the pull request’s writes nothing and says so', async () => {
    await writeCatalog(['0.6.1'])
    github.double.expect(pullNow(HEAD))
    const step = await plan(OLDER)
    github.double.done()
    expect(step.exitCode, step.log).toBe(0)
    expect(store.comments).toHaveLength(0)
    expect(step.outputs.comment).toBe('stale')
    expect(step.log).toContain(`this run planned ${OLDER.slice(0, 7)}`)
  })

  it('the plan for the head names its commit, links its lines and records its steps', async () => {
    github.double.expect(pullNow(HEAD), ...whoami(), store.list, store.create)
    const step = await plan(HEAD)
    github.double.done()
    expect(step.exitCode, step.log).toBe(0)
    const body = planComment()?.body ?? ''
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/commit/${HEAD}`)
    expect(body).toContain(
      `https://github.com/${OWNER}/${REPO}/blob/${HEAD}/etc/images/cirros.yml#L2`,
    )
    const record = readRecord(body)
    expect(record).toMatchObject({ commit: HEAD, cloud: CLOUD })
    expect('steps' in record && record.steps?.[0]).toContain(`import ${definitionName} 0.6.1`)
  })

  it('(c) the merge of an unchanged cloud applies and says "as reviewed" on the pull request', async () => {
    github.double.expect(pullsOfCommit(true), ...whoami(), store.list, store.list, store.create)
    const step = await apply(push)
    github.double.done()
    expect(step.exitCode, step.log).toBe(0)
    expect(step.outputs).toMatchObject({ result: 'applied', applied: '1', failed: '0' })
    expect(await cloud()).toEqual([`${definitionName} 0.6.1 active cirros`])
    expect(step.summary).toContain('**As reviewed**')
    const body = applyComment()?.body ?? ''
    expect(body).toContain('1 done, 0 failed, 0 skipped')
    expect(body).toContain('**As reviewed**')
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/actions/runs/7001`)
  })

  it('(d) report: the cloud changed after the review; apply runs and lists added and gone steps', async () => {
    await writeCatalog(['0.6.1', '0.6.2'])
    github.double.expect(pullNow(HEAD), ...whoami(), store.list, store.update)
    expect((await plan(HEAD)).exitCode).toBe(0)
    // Another apply (by hand: compared with nothing, no GitHub request) imports 0.6.2,
    // then someone sets another value on 0.6.1.
    const other = await apply({ name: 'workflow_dispatch', payload: dispatched })
    github.double.done()
    expect(other.outputs).toMatchObject({ result: 'applied', applied: '1' })
    await drift('0.6.1')

    github.double.expect(pullsOfCommit(true), ...whoami(), store.list, store.list, store.update)
    const step = await apply(push)
    github.double.done()
    expect(step.exitCode, step.log).toBe(0)
    expect(step.outputs).toMatchObject({ result: 'applied', applied: '1' })
    expect(await cloud()).toEqual([
      `${definitionName} 0.6.1 active cirros`,
      `${definitionName} 0.6.2 active cirros`,
    ])
    const body = shown(applyComment()?.body ?? '')
    for (const text of [shown(step.summary), body]) {
      expect(text).toContain('**Not as reviewed**')
      expect(text).toMatch(
        /Added, not reviewed\*\* \(1\)[\s\S]*update[\s\S]*0\.6\.1[\s\S]*os_distro/,
      )
      expect(text).toMatch(
        /Gone: already done or no longer needed\*\* \(1\)[\s\S]*import[\s\S]*0\.6\.2/,
      )
    }
    expect(store.comments.filter((c) => c.body.startsWith(applyMarker(CLOUD)))).toHaveLength(1)
  })

  it('(d) require: the cloud changed after the review; nothing applied, the job fails, the pull request is told', async () => {
    await writeCatalog(['0.6.1', '0.6.2', '0.6.3'])
    github.double.expect(pullNow(HEAD), ...whoami(), store.list, store.update)
    expect((await plan(HEAD)).exitCode).toBe(0)
    github.double.done()
    await drift('0.6.2')

    github.double.expect(pullsOfCommit(true), ...whoami(), store.list, store.list, store.update)
    const step = await apply(push, 'require')
    github.double.done()
    expect(step.exitCode).not.toBe(0)
    expect(step.outputs.result).toBe('refused')
    expect(await cloud()).toEqual([
      `${definitionName} 0.6.1 active cirros`,
      `${definitionName} 0.6.2 active drifted`,
    ])
    const body = shown(applyComment()?.body ?? '')
    expect(body).toContain('nothing applied')
    expect(body).toMatch(/Added, not reviewed\*\* \(1\)[\s\S]*0\.6\.2[\s\S]*os_distro/)
    expect(body).toContain('workflow_dispatch')
    expect(step.log).toContain('Nothing applied: reviewed-plan is require')
  })

  it('(e) a direct push: "no reviewed plan", applied (report)', async () => {
    github.double.expect(pullsOfCommit(false))
    const before = applyComment()?.body
    const step = await apply(push)
    github.double.done()
    expect(step.exitCode, step.log).toBe(0)
    expect(step.summary).toContain('**No reviewed plan**')
    expect(step.summary).toContain(`commit ${MERGE.slice(0, 7)} has no pull request`)
    expect(step.outputs).toMatchObject({ result: 'applied', applied: '2' })
    expect(applyComment()?.body).toBe(before)
  })

  it('require: a direct push applies nothing', async () => {
    await drift('0.6.3')
    github.double.expect(pullsOfCommit(false))
    const step = await apply(push, 'require')
    github.double.done()
    expect(step.exitCode).not.toBe(0)
    expect(step.summary).toContain('**No reviewed plan**')
    expect((await cloud()).filter((l) => l.includes('0.6.3'))).toEqual([
      `${definitionName} 0.6.3 active drifted`,
    ])
  })
})
