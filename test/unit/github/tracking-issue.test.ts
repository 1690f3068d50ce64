// The lifecycle tracking issue against the OpenAPI-checked GitHub double: found
// by its marker among open issues (not pull requests, not people's), created
// once, edited in place, closed when clean; the real Octokit through fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../../src/github/octokit.js'
import { LIFECYCLE_MARKER } from '../../../src/action/lifecycle-issue.js'
import { syncTrackingIssue, type TrackingIssueOptions } from '../../../src/github/tracking-issue.js'
import { githubDouble, specExample, type GitHubDouble } from '../../support/github-openapi.js'
import { failure, OWNER, REPO } from './fixtures.js'

const LIST = 'GET /repos/{owner}/{repo}/issues'
const CREATE = 'POST /repos/{owner}/{repo}/issues'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}'

const where = { owner: OWNER, repo: REPO }
const page = (n: number) => ({
  ...where,
  state: 'open',
  sort: 'created',
  direction: 'asc',
  per_page: 100,
  page: n,
})
const REPORT = '## Image lifecycle: 1 missing release\n\n| a | b |'
const BODY = `${LIFECYCLE_MARKER}\n${REPORT}`
const TITLE = 'Image lifecycle: 1 missing release'
const options = (open = true): TrackingIssueOptions => ({
  ...where,
  marker: LIFECYCLE_MARKER,
  title: TITLE,
  body: REPORT,
  open,
  self: { login: 'github-actions[bot]', kind: 'app' },
})

/** An issue shaped like GitHub's own example, by a bot or by a person. */
function issue(
  number: number,
  body: string,
  extra: { by?: 'bot' | 'human'; title?: string; pull?: boolean } = {},
): Record<string, unknown> {
  const example = specExample('issue')
  const user = example.user as Record<string, unknown>
  return {
    ...example,
    number,
    id: 1000 + number,
    title: extra.title ?? TITLE,
    body,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${number}`,
    url: `https://api.github.com/repos/${OWNER}/${REPO}/issues/${number}`,
    user: extra.by === 'human' ? user : { ...user, login: 'github-actions[bot]', type: 'Bot' },
    ...(extra.pull
      ? {
          pull_request: {
            url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
            html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
            diff_url: null,
            patch_url: null,
          },
        }
      : { pull_request: undefined }),
  }
}
const strip = (o: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(o)) as Record<string, unknown>

let github: GitHubDouble
beforeEach(() => {
  github = githubDouble()
})
afterEach(() => github.done())

describe('syncTrackingIssue', () => {
  it('creates the issue, marker first, when no open issue has the marker', async () => {
    github.expect(
      {
        route: LIST,
        params: page(1),
        reply: {
          status: 200,
          data: [
            strip(issue(1, 'Please add Ubuntu 26.04', { by: 'human' })),
            strip(issue(2, `${LIFECYCLE_MARKER} in a pull request`, { pull: true })),
          ],
        },
      },
      {
        route: CREATE,
        params: { ...where, title: TITLE, body: BODY },
        reply: { status: 201, data: strip(issue(3, BODY)) },
      },
    )
    expect(await syncTrackingIssue(github.client, options())).toEqual({
      operation: 'created',
      number: 3,
      url: `https://github.com/${OWNER}/${REPO}/issues/3`,
    })
  })

  it('edits the bot’s issue in place, on the second page, before a person’s copy', async () => {
    const others = Array.from({ length: 100 }, (_, i) =>
      strip(issue(10 + i, i === 5 ? `quoted ${LIFECYCLE_MARKER}` : 'other', { by: 'human' })),
    )
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: others } },
      {
        route: LIST,
        params: page(2),
        reply: { status: 200, data: [strip(issue(200, `${LIFECYCLE_MARKER}\nold report`))] },
      },
      {
        route: UPDATE,
        params: { ...where, issue_number: 200, title: TITLE, body: BODY },
        reply: { status: 200, data: strip(issue(200, BODY)) },
      },
    )
    expect((await syncTrackingIssue(github.client, options())).operation).toBe('updated')
  })

  it('leaves an issue alone that already says the same', async () => {
    github.expect({
      route: LIST,
      params: page(1),
      reply: { status: 200, data: [strip(issue(4, BODY.replace(/\n/g, '\r\n')))] },
    })
    expect(await syncTrackingIssue(github.client, options())).toMatchObject({
      operation: 'unchanged',
      number: 4,
    })
  })

  it('closes the issue as completed once the report is clean, with the clean report', async () => {
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: [strip(issue(5, BODY))] } },
      {
        route: UPDATE,
        params: {
          ...where,
          issue_number: 5,
          title: 'Image lifecycle: nothing to do',
          body: `${LIFECYCLE_MARKER}\nclean`,
          state: 'closed',
          state_reason: 'completed',
        },
        reply: { status: 200, data: strip({ ...issue(5, 'clean'), state: 'closed' }) },
      },
    )
    const result = await syncTrackingIssue(github.client, {
      ...options(false),
      title: 'Image lifecycle: nothing to do',
      body: 'clean',
    })
    expect(result.operation).toBe('closed')
  })

  it('never closes a stranger’s open issue that carries the marker', async () => {
    github.expect({
      route: LIST,
      params: page(1),
      reply: { status: 200, data: [strip(issue(5, BODY, { by: 'human' }))] },
    })
    expect(await syncTrackingIssue(github.client, options(false))).toEqual({ operation: 'none' })
    expect(github.requests.every((r) => r.route === LIST)).toBe(true)
  })

  it('opens its own issue beside a stranger’s with the marker, and never edits the stranger’s', async () => {
    github.expect(
      {
        route: LIST,
        params: page(1),
        reply: {
          status: 200,
          data: [strip(issue(5, `${LIFECYCLE_MARKER}\nfake`, { by: 'human' }))],
        },
      },
      {
        route: CREATE,
        params: { ...where, title: TITLE, body: BODY },
        reply: { status: 201, data: strip(issue(6, BODY)) },
      },
    )
    expect(await syncTrackingIssue(github.client, options())).toMatchObject({
      operation: 'created',
      number: 6,
    })
  })

  it('does nothing when clean and no issue is open', async () => {
    github.expect({ route: LIST, params: page(1), reply: { status: 200, data: [] } })
    expect(await syncTrackingIssue(github.client, options(false))).toEqual({ operation: 'none' })
  })

  it('says which permission is missing when GitHub refuses', async () => {
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: [] } },
      {
        route: CREATE,
        reply: {
          status: 403,
          data: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            status: '403',
          },
        },
      },
    )
    const error = await failure(syncTrackingIssue(github.client, options()))
    expect(error.message).toMatch(
      /^GitHub refused POST \/repos\/\{owner\}\/\{repo\}\/issues for acme\/images \(403/,
    )
    expect(error.message).toContain('`issues: write`')
  })

  it('works through the real Octokit: urls, query, JSON body and headers as GitHub takes them', async () => {
    const client = createGitHubClient({
      token: 'ghs_faketoken',
      baseUrl: 'https://api.github.com',
      fetch: github.fetch,
    })
    github.expect(
      {
        route: LIST,
        params: page(1),
        headers: { authorization: 'token ghs_faketoken' },
        reply: { status: 200, data: [] },
      },
      {
        route: CREATE,
        params: { ...where, title: TITLE, body: BODY },
        reply: { status: 201, data: strip(issue(6, BODY)) },
      },
    )
    expect((await syncTrackingIssue(client, options())).number).toBe(6)
  })
})
