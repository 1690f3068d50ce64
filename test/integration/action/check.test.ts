// `command: check` end to end, as a runner drives it: the bundle in a node
// process of its own, INPUT_* variables, a real workflow_dispatch payload from
// @octokit/webhooks-examples, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the
// OpenAPI-checked GitHub double behind GITHUB_API_URL, and the real local
// Glance. A multi image whose two builds both claim the name (no rotation
// recipe) fails the SCS uniqueness rule: annotated on its definition, the
// cloud's tracking issue opened; the recipe applied, a clean run closes it. A
// person's issue with the same marker is never edited or closed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { dump } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkMarker } from '../../../src/action/check-issue.js'
import { catalogImages } from '../../../src/commands/check.js'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import type { Rotated } from '../../../src/definitions/types.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import type { ImageVisibility } from '../../../src/openstack/glance/types.js'
import { actionRunner, type ActionRunner } from '../../support/action-harness.js'
import { freshBundle } from '../../support/bundle.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { specExample, type GitHubRequest } from '../../support/github-openapi.js'
import { identityExpectations } from '../../support/github-identity.js'
import { startGitHubServer, type GitHubServer } from '../../support/github-server.js'
import {
  deleteImages,
  localCloudsYaml,
  localGlance,
  uniquePrefix,
} from '../../support/local-cloud.js'

interface WebhookExample {
  name: string
  examples: { repository: { full_name: string } }[]
}
const webhooks = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookExample[]
const dispatch = webhooks.find((w) => w.name === 'workflow_dispatch')?.examples[0]
if (!dispatch) throw new Error('@octokit/webhooks-examples has no workflow_dispatch example')
const [OWNER, REPO] = dispatch.repository.full_name.split('/') as [string, string]

const TOKEN = 'ghs_checktesttoken0123456789abcdef'
const CLOUD = 'local-admin'
const LIST = 'GET /repos/{owner}/{repo}/issues'
const CREATE = 'POST /repos/{owner}/{repo}/issues'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'
const SCS: Rotated = { meta: { os_purpose: 'oldgeneric' }, hidden: true }

interface Stored {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  /** Opened by a person, not by the token's bot. */
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
/** Each run asks once whom its token writes as (an installation token). */
const whoami = () => identityExpectations(undefined, 'app', auth)
const list = {
  route: LIST,
  headers: auth,
  reply: () => ({ status: 200, data: issues.filter((i) => i.state === 'open').map(apiIssue) }),
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
    if (stored.byPerson) throw new Error(`edited issue ${stored.number}, a person's`)
    stored.title = request.params.title as string
    stored.body = request.params.body as string
    if (request.params.state === 'closed') stored.state = 'closed'
    return { status: 200, data: apiIssue(stored) }
  },
}

const prefix = uniquePrefix('check')
const tag = `${prefix}managed`
const NAME = `${prefix}SCS Debian 12`
/** Yesterday and the day before (UTC): fresh builds, never in the future. */
const day = (back: number): string =>
  new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)
const VERSIONS = [day(2), day(1)].map((d) => d.replace(/-/g, ''))
const OLD_BUILD = `${NAME} (${VERSIONS[0]})`

let work: string
let catalogFile: string
let github: GitHubServer
let glance: GlanceClient
let cloudsYaml: string
let runner: ActionRunner
const stranger: Stored = {
  number: 7,
  title: 'Copied',
  body: `${checkMarker(CLOUD)}\nNot the bot's report`,
  state: 'open',
  byPerson: true,
}

/** This test's images: by its tag, since `Ubuntu 24.04` (scs-0104's mandatory name) has no prefix. */
async function deleteTagged(): Promise<void> {
  const ids: string[] = []
  for await (const image of glance.listImages({ osHidden: 'both', visibility: 'all' }))
    if (image.tags?.includes(tag)) ids.push(image.id)
  await deleteImages(glance, ids)
}

/** The catalog's builds in the cloud as apply would leave them, with or without the recipe. */
async function cloudAs(rotated: Rotated | undefined): Promise<void> {
  await deleteTagged()
  const { definitions } = await loadCatalog({ images: catalogFile, strict: false })
  for (const image of catalogImages(definitions, new Set(), rotated)) {
    await glance.createImage({
      name: image.name,
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: image.visibility as ImageVisibility,
      min_disk: image.min_disk,
      min_ram: image.min_ram,
      os_hidden: image.os_hidden ?? false,
      tags: [tag],
      properties: { ...image.properties },
    })
  }
}

const step = (extra: Record<string, string> = {}) =>
  runner.step(
    { name: 'workflow_dispatch', payload: dispatch },
    {
      command: 'check',
      cloud: CLOUD,
      'clouds-yaml': cloudsYaml,
      'check-images': catalogFile,
      'check-tag': tag,
      'check-issue': 'true',
      'github-token': TOKEN,
      ...extra,
    },
  )

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'check-action-'))
  await mkdir(path.join(work, 'etc/images'), { recursive: true })
  catalogFile = path.join(work, 'etc/images/debian.yml')
  await writeFile(
    catalogFile,
    dump(
      {
        images: [
          catalogDefinition(NAME, {
            login: 'debian',
            min_disk: 1,
            min_ram: 512,
            multi: true,
            meta: catalogMeta({
              hypervisor_type: 'qemu',
              os_distro: 'debian',
              os_version: '12',
              os_purpose: 'generic',
              replace_frequency: 'monthly',
              uuid_validity: 'last-3',
              provided_until: 'none',
            }),
            versions: VERSIONS.map((v) => ({
              version: v,
              url: `http://127.0.0.1:9/debian-${v}.qcow2`,
              build_date: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`,
            })),
          }),
          // scs-0104's mandatory image, from a url under its allowed prefixes: one build.
          catalogDefinition('Ubuntu 24.04', {
            login: 'ubuntu',
            min_disk: 1,
            min_ram: 512,
            multi: true,
            meta: catalogMeta({
              hypervisor_type: 'qemu',
              os_distro: 'ubuntu',
              os_version: '24.04',
              os_purpose: 'generic',
              replace_frequency: 'monthly',
              uuid_validity: 'last-3',
              provided_until: 'none',
            }),
            versions: [VERSIONS[1] as string].map((v) => ({
              version: v,
              url: `https://cloud-images.ubuntu.com/noble/${v}/noble-server-cloudimg-amd64.img`,
              build_date: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`,
            })),
          }),
        ],
      },
      { lineWidth: -1 },
    ),
  )
  github = await startGitHubServer()
  glance = await localGlance()
  cloudsYaml = (await localCloudsYaml()).content
  const entry = process.env.ACTION_ENTRY ?? (await freshBundle('src/action/index.ts', 'dist', work))
  runner = actionRunner(path.resolve(entry), work, {
    repository: `${OWNER}/${REPO}`,
    apiUrl: github.url,
  })
  issues.push(stranger)
}, 600_000)

afterAll(async () => {
  if (glance) await deleteTagged()
  await github?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

const strangerUntouched = () => {
  expect(stranger).toEqual({
    number: 7,
    title: 'Copied',
    body: `${checkMarker(CLOUD)}\nNot the bot's report`,
    state: 'open',
    byPerson: true,
  })
  const writes = github.double.requests.filter(
    (r) => r.params.issue_number === 7 && !r.route.startsWith('GET '),
  )
  expect(writes).toEqual([])
}

describe('command: check', { timeout: 120_000 }, () => {
  it('a finding: annotated on its definition, the tracking issue opened beside a person’s, the step passes', async () => {
    await cloudAs(undefined)
    github.double.expect(...whoami(), list, create)
    const { outputs, exitCode, log, summary } = await step()
    expect(exitCode, log).toBe(0)
    github.double.done()
    expect(outputs, log).toMatchObject({
      result: 'findings',
      findings: '1',
      issue: 'created',
      'issue-number': '41',
      'issue-url': `https://github.com/${OWNER}/${REPO}/issues/41`,
    })
    // Both builds claim the name: each is annotated on the definition (line 2: `- name:`).
    for (const build of [NAME, OLD_BUILD]) {
      expect(log).toContain(
        `::warning title=Image definition,file=${catalogFile},line=2,col=5::scs-0102-os_purpose-uniqueness: '${build}'`,
      )
    }
    const mine = issues.find((i) => !i.byPerson) as Stored
    expect(mine.title).toMatch(/^SCS check \(cloud local-admin\): 1 of \d+ rules fail$/)
    expect(mine.body.trim()).toBe(`${checkMarker(CLOUD)}\n${summary.trim()}`)
    expect(summary).toContain('| ✗ | <code>scs-0102-os&#95;purpose-uniqueness</code> |')
    expect(log).not.toContain(TOKEN)
    strangerUntouched()
  })

  it('the same finding again: the issue is left as it is', async () => {
    github.double.expect(...whoami(), list)
    const { outputs, exitCode } = await step()
    github.double.done()
    expect([exitCode, outputs.issue]).toEqual([0, 'unchanged'])
  })

  it('the recipe applied: a clean run closes its own issue, never the person’s', async () => {
    await cloudAs(SCS)
    github.double.expect(...whoami(), list, update)
    const { outputs, exitCode, log } = await step()
    github.double.done()
    expect(exitCode, log).toBe(0)
    expect(outputs, log).toMatchObject({ result: 'clean', findings: '0', issue: 'closed' })
    expect(log).not.toContain('::warning title=Image definition')
    const mine = issues.find((i) => !i.byPerson) as Stored
    expect([mine.state, mine.title]).toEqual([
      'closed',
      `SCS check (cloud ${CLOUD}): every rule passes`,
    ])
    strangerUntouched()
    // Clean again with only the person's issue open: nothing written.
    github.double.expect(...whoami(), list)
    expect((await step()).outputs.issue).toBe('none')
    github.double.done()
    strangerUntouched()
  })

  it('touches no issue without check-issue; fails the step on invalid definitions', async () => {
    const before = github.double.requests.length
    const { outputs, exitCode } = await step({ 'check-issue': 'false' })
    expect([exitCode, outputs.result, outputs.issue]).toEqual([0, 'clean', undefined])
    const bad = path.join(work, 'etc/images/bad.yml')
    await writeFile(bad, 'images:\n  - name: x\n    format: nope\n')
    const invalid = await step({ 'check-images': bad })
    expect([invalid.exitCode, invalid.outputs.result]).toEqual([1, 'invalid'])
    expect(github.double.requests.length).toBe(before)
  })
})
