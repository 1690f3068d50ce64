// The double itself: what it refuses is what keeps the other tests honest.
import { describe, expect, it } from 'vitest'
import { githubDouble, specExample } from '../../support/github-openapi.js'
import { CREATE, LIST, OWNER, PR, REPO, UPDATE, comment, failure } from './fixtures.js'

const where = { owner: OWNER, repo: REPO }

describe('githubDouble', () => {
  it('refuses a route that is not in the description', () => {
    expect(() =>
      githubDouble(
        {},
        { route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comment', reply: { status: 200 } },
      ),
    ).toThrow(/not in GitHub's OpenAPI description \(no such path\)/)
    expect(() =>
      githubDouble(
        {},
        { route: 'PUT /repos/{owner}/{repo}/issues/comments/{comment_id}', reply: { status: 200 } },
      ),
    ).toThrow(/\(that path has: GET, PATCH, DELETE\)/)
  })

  it('refuses a canned reply unlike GitHub’s', () => {
    const noNodeId = comment(1, 'x')
    delete noNodeId.node_id
    expect(() =>
      githubDouble({}, { route: UPDATE, reply: { status: 200, data: noNodeId } }),
    ).toThrow(/reply 200 of PATCH .* must have required property 'node_id'/)
    expect(() =>
      githubDouble(
        {},
        {
          route: UPDATE,
          reply: { status: 200, data: { ...comment(1, 'x'), created_at: 'yesterday' } },
        },
      ),
    ).toThrow(/created_at must match format "date-time"/)
    expect(() =>
      githubDouble({}, { route: LIST, reply: { status: 200, data: comment(1, 'x') } }),
    ).toThrow(/must be array/)
  })

  it('refuses a status the operation does not list', () => {
    expect(() =>
      githubDouble({}, { route: UPDATE, reply: { status: 403, data: { message: 'Forbidden' } } }),
    ).toThrow(/does not list status 403 \(it lists 200, 422\)/)
  })

  it('accepts the description’s own example and nulls where it says nullable', () => {
    const example = specExample('issue-comment')
    githubDouble(
      {},
      {
        route: UPDATE,
        reply: { status: 200, data: { ...example, performed_via_github_app: null } },
      },
    )
  })

  it('refuses misspelt, missing or mistyped parameters and unknown body fields', async () => {
    const reply = { status: 200, data: [] }
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...where, issueNumber: PR }, /must have required property 'issue_number'/],
      [
        { ...where, issue_number: PR, perPage: 100 },
        /query parameters .* must NOT have additional properties/,
      ],
      [{ ...where, issue_number: PR, per_page: 'all' }, /per_page must be integer/],
    ]
    for (const [params, error] of cases) {
      const github = githubDouble({}, { route: LIST, reply })
      await expect(github.client.request(LIST, params)).rejects.toThrow(error)
      expect(() => github.done()).toThrow(error)
    }
    const github = githubDouble(
      {},
      { route: CREATE, reply: { status: 201, data: comment(1, 'x') } },
    )
    await expect(
      github.client.request(CREATE, { ...where, issue_number: PR, bdy: 'x' }),
    ).rejects.toThrow(
      /body of POST .* must have required property 'body'.*must NOT have unevaluated properties/,
    )
    expect(() => github.done()).toThrow()
  })

  it('fails done() on an unexpected request even when the code swallowed it', async () => {
    const github = githubDouble({}, { route: LIST, reply: { status: 200, data: [] } })
    await github.client
      .request(CREATE, { ...where, issue_number: PR, body: 'x' })
      .catch(() => undefined)
    expect(() => github.done()).toThrow(/unexpected request POST .*; expected GET/)
  })

  it('fails done() on an expectation left unused', () => {
    const github = githubDouble({}, { route: LIST, reply: { status: 200, data: [] } })
    expect(() => github.done()).toThrow(/expected request not made: GET \/repos/)
  })

  it('checks the expected parameters', async () => {
    const github = githubDouble(
      {},
      { route: LIST, params: { ...where, issue_number: 8 }, reply: { status: 200, data: [] } },
    )
    await expect(github.client.request(LIST, { ...where, issue_number: PR })).rejects.toThrow(
      /parameters of GET/,
    )
    expect(() => github.done()).toThrow()
  })

  it('at the HTTP door, takes parameters from the URL and refuses a wrong path', async () => {
    const github = githubDouble(
      {},
      {
        route: LIST,
        params: { ...where, issue_number: 7, per_page: 100 },
        reply: { status: 200, data: [] },
      },
      { route: LIST, reply: { status: 200, data: [] } },
    )
    const headers = { accept: 'application/vnd.github.v3+json', 'user-agent': 'test' }
    const ok = await github.fetch(
      'https://api.github.com/repos/acme/images/issues/7/comments?per_page=100',
      { headers },
    )
    expect(await ok.json()).toEqual([])
    await expect(
      github.fetch('https://api.github.com/repos/acme/images/pulls/7/comments', { headers }),
    ).rejects.toThrow(
      /unexpected request GET https:\/\/api.github.com\/repos\/acme\/images\/pulls\/7\/comments/,
    )
    expect(() => github.done()).toThrow()
  })

  it('at the HTTP door, requires a User-Agent and the expected headers without echoing the token', async () => {
    const github = githubDouble(
      {},
      { route: LIST, reply: { status: 200, data: [] } },
      { route: LIST, headers: { authorization: 'token right' }, reply: { status: 200, data: [] } },
    )
    const url = 'https://api.github.com/repos/acme/images/issues/7/comments'
    await expect(github.fetch(url, { headers: { accept: 'application/json' } })).rejects.toThrow(
      /no User-Agent/,
    )
    const headers = {
      accept: 'application/json',
      'user-agent': 'test',
      authorization: 'token wrong-secret',
    }
    const error = await failure(github.fetch(url, { headers }))
    expect(error.message).toMatch(/header authorization is token \[REDACTED\]/)
    expect(error.message).not.toContain('wrong-secret')
    expect(() => github.done()).toThrow()
  })
})
