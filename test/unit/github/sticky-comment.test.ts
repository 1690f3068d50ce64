import { getOctokit } from '@actions/github'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  COMMENT_BODY_LIMIT,
  TRUNCATION_NOTE,
  pullRequestFromContext,
  stickyBody,
  truncate,
  upsertStickyComment,
  type StickyCommentOptions,
} from '../../../src/github/sticky-comment.js'
import { githubDouble, type GitHubDouble } from '../../support/github-openapi.js'
import {
  CREATE,
  LIST,
  MARKER,
  OWNER,
  PR,
  REPO,
  UPDATE,
  chatter,
  comment,
  failure,
  htmlUrl,
} from './fixtures.js'

const PLAN = '## Plan for cloud-a\n\n1 image to create'
const BODY = `${MARKER}\n${PLAN}`
const options: StickyCommentOptions = {
  owner: OWNER,
  repo: REPO,
  issueNumber: PR,
  marker: MARKER,
  body: PLAN,
  self: { login: 'github-actions[bot]', kind: 'app' },
}
const where = { owner: OWNER, repo: REPO }
const page = (n: number) => ({ ...where, issue_number: PR, per_page: 100, page: n })

let github: GitHubDouble
beforeEach(() => {
  github = githubDouble()
})
afterEach(() => github.done())

describe('upsertStickyComment', () => {
  it('creates the comment, marker first, when the pull request has none', async () => {
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: chatter(2) } },
      {
        route: CREATE,
        params: { ...where, issue_number: PR, body: BODY },
        reply: { status: 201, data: comment(101, BODY) },
      },
    )
    const result = await upsertStickyComment(github.client, options)
    expect(result).toEqual({ operation: 'created', id: 101, url: htmlUrl(101) })
  })

  it('updates the comment with its marker, not one with another marker or a person’s', async () => {
    const other = '<!-- image-manager-plan:cloud-b -->'
    github.expect(
      {
        route: LIST,
        params: page(1),
        reply: {
          status: 200,
          data: [
            comment(1, 'Looks good, but see the plan below', 'human'),
            comment(2, `${other}\nplan for cloud-b`),
            comment(3, `${MARKER}\nold plan`),
            comment(4, `${other}-suffix ${MARKER.replace('cloud-a', 'cloud-a2')}`),
          ],
        },
      },
      {
        route: UPDATE,
        params: { ...where, comment_id: 3, body: BODY },
        reply: { status: 200, data: comment(3, BODY) },
      },
    )
    const result = await upsertStickyComment(github.client, options)
    expect(result).toEqual({ operation: 'updated', id: 3, url: htmlUrl(3) })
  })

  it('edits its own comment, never a person’s before it that contains the marker', async () => {
    github.expect(
      {
        route: LIST,
        reply: {
          status: 200,
          data: [comment(1, `copied: ${MARKER}`, 'human'), comment(2, `${MARKER}\nold plan`)],
        },
      },
      {
        route: UPDATE,
        params: { ...where, comment_id: 2, body: BODY },
        reply: { status: 200, data: comment(2, BODY) },
      },
    )
    expect((await upsertStickyComment(github.client, options)).id).toBe(2)
  })

  it('updates the first of duplicates and leaves the others', async () => {
    github.expect(
      {
        route: LIST,
        reply: { status: 200, data: [comment(5, `${MARKER}\nA`), comment(6, `${MARKER}\nB`)] },
      },
      {
        route: UPDATE,
        params: { ...where, comment_id: 5, body: BODY },
        reply: { status: 200, data: comment(5, BODY) },
      },
    )
    expect(await upsertStickyComment(github.client, options)).toMatchObject({
      operation: 'updated',
      id: 5,
    })
  })

  it('creates its own comment when only a person’s carries the marker; the person’s is untouched', async () => {
    github.expect(
      { route: LIST, reply: { status: 200, data: [comment(8, `${MARKER}\nold`, 'human')] } },
      {
        route: CREATE,
        params: { ...where, issue_number: PR, body: BODY },
        reply: { status: 201, data: comment(9, BODY) },
      },
    )
    expect(await upsertStickyComment(github.client, options)).toMatchObject({
      operation: 'created',
      id: 9,
    })
    expect(github.requests.map((r) => r.route)).toEqual([LIST, CREATE])
  })

  it('never edits another App’s comment with the marker', async () => {
    const other = { ...(comment(8, `${MARKER}\nold`) as { user: object }) }
    other.user = { ...other.user, login: 'renovate[bot]', id: 2740 }
    github.expect(
      { route: LIST, reply: { status: 200, data: [other] } },
      { route: CREATE, reply: { status: 201, data: comment(9, BODY) } },
    )
    expect((await upsertStickyComment(github.client, options)).operation).toBe('created')
  })

  it('with a personal access token, edits that person’s comment and not the bot’s', async () => {
    github.expect(
      {
        route: LIST,
        reply: {
          status: 200,
          data: [comment(7, `${MARKER}\nbot`), comment(8, `${MARKER}\nold`, 'human')],
        },
      },
      {
        route: UPDATE,
        params: { ...where, comment_id: 8, body: BODY },
        reply: { status: 200, data: comment(8, BODY, 'human') },
      },
    )
    const self = { login: 'OctoCat', kind: 'user' } as const
    expect(await upsertStickyComment(github.client, { ...options, self })).toMatchObject({
      operation: 'updated',
      id: 8,
    })
  })

  it('leaves an unchanged comment alone: no PATCH', async () => {
    github.expect({
      route: LIST,
      reply: { status: 200, data: [comment(9, BODY.replace(/\n/g, '\r\n'))] },
    })
    const result = await upsertStickyComment(github.client, options)
    expect(result).toEqual({ operation: 'unchanged', id: 9, url: htmlUrl(9) })
  })

  it('follows pages until a short one and finds the marker on page 2', async () => {
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: chatter(100) } },
      {
        route: LIST,
        params: page(2),
        reply: { status: 200, data: [...chatter(2, 101), comment(150, `${MARKER}\nold`)] },
      },
      {
        route: UPDATE,
        params: { ...where, comment_id: 150, body: BODY },
        reply: { status: 200, data: comment(150, BODY) },
      },
    )
    expect(await upsertStickyComment(github.client, options)).toMatchObject({
      operation: 'updated',
      id: 150,
    })
  })

  it('reads an empty page after exactly 100 comments, then creates', async () => {
    github.expect(
      { route: LIST, params: page(1), reply: { status: 200, data: chatter(100) } },
      { route: LIST, params: page(2), reply: { status: 200, data: [] } },
      { route: CREATE, reply: { status: 201, data: comment(201, BODY) } },
    )
    expect((await upsertStickyComment(github.client, options)).operation).toBe('created')
  })

  it('stops listing at its own first comment with the marker', async () => {
    github.expect({
      route: LIST,
      params: page(1),
      reply: { status: 200, data: [...chatter(99), comment(100, BODY)] },
    })
    expect((await upsertStickyComment(github.client, options)).operation).toBe('unchanged')
  })

  it('tells the operator which permission is missing on 403 "Resource not accessible by integration"', async () => {
    github.expect(
      { route: LIST, reply: { status: 200, data: [] } },
      {
        route: CREATE,
        reply: {
          status: 403,
          data: {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
            status: '403',
          },
        },
      },
    )
    const error = await failure(upsertStickyComment(github.client, options))
    expect(error).toBeInstanceOf(Error)
    expect(error.message).not.toContain('\n')
    expect(error.message).toContain('pull-requests: write')
    expect(error.message).toContain('issues: write')
    expect(error.message).toContain(`${CREATE} for acme/images#7`)
    expect(error).toMatchObject({ status: 403, route: CREATE })
  })

  it('names method, route and status of any other failure', async () => {
    github.expect({
      route: LIST,
      reply: {
        status: 404,
        data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      },
    })
    await expect(upsertStickyComment(github.client, options)).rejects.toThrow(
      `GitHub API ${LIST} for acme/images#7 failed with status 404: Not Found`,
    )
  })

  it('truncates a body over 65536 characters with a note', async () => {
    const line = `| image-${'x'.repeat(60)} | create |\n`
    const huge = '## Plan\n\n' + line.repeat(1200)
    github.expect(
      { route: LIST, reply: { status: 200, data: [] } },
      {
        route: CREATE,
        reply: (request) => {
          const body = request.params.body as string
          expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
          expect(body.startsWith(`${MARKER}\n## Plan`)).toBe(true)
          expect(body.endsWith(`**${TRUNCATION_NOTE}**`)).toBe(true)
          expect(body).toMatch(/create \|\n\n\*\*/) // cut at a line end
          return { status: 201, data: comment(300, body) }
        },
      },
    )
    expect(huge.length).toBeGreaterThan(COMMENT_BODY_LIMIT)
    await upsertStickyComment(github.client, { ...options, body: huge })
  })

  it('rejects a marker that is not a one-line hidden HTML comment', async () => {
    for (const marker of ['image-manager-plan', '<!-- a -->\n', '<!-- a --> b -->', '']) {
      await expect(upsertStickyComment(github.client, { ...options, marker })).rejects.toThrow(
        /expected a one-line hidden HTML comment/,
      )
    }
  })
})

describe('stickyBody and truncate', () => {
  it('puts the marker on the first line once', () => {
    expect(stickyBody(MARKER, PLAN)).toBe(BODY)
    expect(stickyBody(MARKER, BODY)).toBe(BODY)
  })

  it('leaves a body within the limit untouched', () => {
    const body = `${MARKER}\n${'a'.repeat(COMMENT_BODY_LIMIT - MARKER.length - 1)}`
    expect(stickyBody(MARKER, body)).toBe(body)
  })

  it('closes an open code fence and <details> before the note', () => {
    const text = '<details><summary>Plan</summary>\n\n```diff\n' + '+ line\n'.repeat(100)
    const cut = truncate(text, 300, 'cut')
    expect(cut.length).toBeLessThanOrEqual(300)
    expect(cut).toMatch(/\+ line\n```\n<\/details>\n\n\*\*cut\*\*$/)
  })

  it('does not close a fence that was closed', () => {
    const text = '```\ncode\n```\n' + 'text\n'.repeat(100)
    expect(truncate(text, 100, 'cut')).toMatch(/text\n\n\*\*cut\*\*$/)
  })

  it('never splits a surrogate pair when a line is too long to cut at its end', () => {
    const cut = truncate('😀'.repeat(100), 51, 'n')
    expect(cut.length).toBeLessThanOrEqual(51)
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('pullRequestFromContext', () => {
  const repo = { owner: OWNER, repo: REPO }
  it.each([
    ['pull_request', { pull_request: { number: 7 } }, { owner: OWNER, repo: REPO, issueNumber: 7 }],
    [
      'pull_request_target',
      { pull_request: { number: 8 } },
      { owner: OWNER, repo: REPO, issueNumber: 8 },
    ],
    ['push', { pull_request: { number: 7 } }, null],
    ['issue_comment', { issue: { number: 7 } }, null],
    ['pull_request', {}, null],
  ])('%s %j -> %j', (eventName, payload, expected) => {
    expect(pullRequestFromContext({ eventName, payload, repo })).toEqual(expected)
  })
})

describe('through the real Octokit (@actions/github)', () => {
  const TOKEN = 'fake-token'

  function octokit(log: {
    debug: () => void
    info: () => void
    warn: () => void
    error: () => void
  }) {
    return getOctokit(TOKEN, { request: { fetch: github.fetch }, log })
  }
  const logs = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() })
  const auth = { authorization: `token ${TOKEN}` }

  // Listing stops at a short page (see 'follows pages until a short one'); the Link header
  // GitHub sends with a full page is part of a realistic reply, not what the client follows.
  it('sends requests the OpenAPI description accepts: two pages of comments, then PATCH', async () => {
    const next = `<https://api.github.com/repositories/1/issues/${PR}/comments?per_page=100&page=2>; rel="next"`
    github.expect(
      {
        route: LIST,
        headers: auth,
        params: page(1),
        reply: { status: 200, data: chatter(100), headers: { link: next } },
      },
      {
        route: LIST,
        headers: auth,
        params: page(2),
        reply: { status: 200, data: [comment(120, `${MARKER}\nold`)] },
      },
      {
        route: UPDATE,
        headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
        params: { ...where, comment_id: 120, body: BODY },
        reply: { status: 200, data: comment(120, BODY) },
      },
    )
    const log = logs()
    const result = await upsertStickyComment(octokit(log), options)
    expect(result).toEqual({ operation: 'updated', id: 120, url: htmlUrl(120) })
    expect(github.requests.map((r) => r.headers.authorization)).toEqual(
      Array(3).fill('token [REDACTED]'),
    )
    expect(github.requests[0]?.headers['user-agent']).toMatch(/octokit/)
    expect(
      JSON.stringify([github.requests, log.debug.mock.calls, log.info.mock.calls]),
    ).not.toContain(TOKEN)
  })

  it('creates and reports a 403 without the token anywhere in the error', async () => {
    github.expect(
      { route: LIST, headers: auth, reply: { status: 200, data: [] } },
      {
        route: CREATE,
        headers: auth,
        params: { ...where, issue_number: PR, body: BODY },
        reply: {
          status: 403,
          data: {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
            status: '403',
          },
        },
      },
    )
    const log = logs()
    const error = await failure(upsertStickyComment(octokit(log), options))
    expect(error.message).toMatch(/^GitHub refused POST /)
    expect(error.message).toContain('`permissions: pull-requests: write` and `issues: write`')
    const everything = JSON.stringify([
      error,
      error.message,
      String(error.stack),
      Object.values(log).map((f) => f.mock.calls),
    ])
    expect(everything).not.toContain(TOKEN)
  })
})
