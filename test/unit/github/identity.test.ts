// Whom each kind of token writes as, looked up as GitHub tells it: a personal
// token through GET /user; an installation token (GITHUB_TOKEN, an App's) gets
// 403 there and is asked through GraphQL `viewer { login }`. Every REST call is
// checked against GitHub's OpenAPI description, the GraphQL one against the
// schema facts the double holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sameLogin, tokenIdentity, writtenBy } from '../../../src/github/identity.js'
import { createGitHubClient } from '../../../src/github/octokit.js'
import { githubDouble, specExample, type GitHubDouble } from '../../support/github-openapi.js'
import { failure } from './fixtures.js'

const USER = 'GET /user'
const GRAPHQL = 'POST /graphql'
const integration = {
  status: 403,
  data: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
    status: '403',
  },
}
const viewer = (login: string) => ({ status: 200, data: { data: { viewer: { login } } } })

let github: GitHubDouble
beforeEach(() => {
  github = githubDouble()
})
afterEach(() => github.done())

describe('tokenIdentity', () => {
  it('a personal access token: the login GET /user answers, and nothing else is asked', async () => {
    const user = { ...specExample('private-user'), login: 'Jane-Doe' }
    github.expect({ route: USER, reply: { status: 200, data: user } })
    expect(await tokenIdentity(github.client)).toEqual({ login: 'Jane-Doe', kind: 'user' })
    expect(github.requests.map((r) => r.route)).toEqual([USER])
  })

  it('GITHUB_TOKEN: GET /user is refused, GraphQL viewer answers github-actions[bot]', async () => {
    github.expect(
      { route: USER, reply: integration },
      {
        route: GRAPHQL,
        params: { query: 'query { viewer { login } }' },
        reply: viewer('github-actions[bot]'),
      },
    )
    expect(await tokenIdentity(github.client)).toEqual({
      login: 'github-actions[bot]',
      kind: 'app',
    })
  })

  it('an App installation token: the App’s bot, `[bot]` added when GraphQL leaves it off', async () => {
    github.expect(
      { route: USER, reply: integration },
      { route: GRAPHQL, reply: viewer('image-bot') },
    )
    expect(await tokenIdentity(github.client)).toEqual({ login: 'image-bot[bot]', kind: 'app' })
  })

  it('is looked up once per client (one run): later callers share the answer', async () => {
    github.expect({ route: USER, reply: integration }, { route: GRAPHQL, reply: viewer('x[bot]') })
    const first = await tokenIdentity(github.client)
    const again = await Promise.all([tokenIdentity(github.client), tokenIdentity(github.client)])
    expect(again).toEqual([first, first])
    expect(github.requests).toHaveLength(2)
  })

  it('a bad token stops the run with a plain message, and is asked again next time', async () => {
    const bad = {
      status: 401,
      data: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
    }
    github.expect({ route: USER, reply: bad })
    const error = await failure(tokenIdentity(github.client))
    expect(error.message).toBe(
      'Cannot tell whom the GitHub token writes as: GET /user failed with status 401: Bad credentials; ' +
        'the tool edits only what its own token wrote, so it stops here',
    )
    github.expect({ route: USER, reply: { status: 200, data: specExample('private-user') } })
    expect((await tokenIdentity(github.client)).login).toBe('octocat')
  })

  it('a 403 other than "not accessible by integration" (a rate limit) is an error, not an App', async () => {
    const limited = {
      status: 403,
      data: {
        message: 'API rate limit exceeded for user ID 1.',
        documentation_url: 'https://docs.github.com/rest',
      },
    }
    github.expect({ route: USER, reply: limited })
    const error = await failure(tokenIdentity(github.client))
    expect(error.message).toContain('GET /user failed with status 403: API rate limit exceeded')
  })

  it('GraphQL errors name GitHub’s message', async () => {
    github.expect(
      { route: USER, reply: integration },
      {
        route: GRAPHQL,
        reply: { status: 200, data: { errors: [{ message: 'Something went wrong' }] } },
      },
    )
    const error = await failure(tokenIdentity(github.client))
    expect(error.message).toMatch(/gave no login: Something went wrong; cannot tell/)
  })

  it('through the real Octokit: GET /user then POST /graphql with the token, no token in errors', async () => {
    const client = createGitHubClient({
      token: 'ghs_identitytesttoken',
      baseUrl: 'https://api.github.com',
      fetch: github.fetch,
    })
    const auth = { authorization: 'token ghs_identitytesttoken' }
    github.expect(
      { route: USER, headers: auth, reply: integration },
      { route: GRAPHQL, headers: auth, reply: viewer('github-actions[bot]') },
    )
    expect(await tokenIdentity(client)).toEqual({ login: 'github-actions[bot]', kind: 'app' })
  })
})

describe('on GitHub Enterprise Server', () => {
  it('asks GraphQL at /api/graphql when REST is at /api/v3', async () => {
    const seen: { route: string; params: unknown }[] = []
    const client = {
      async request(route: string, params?: Record<string, unknown>) {
        seen.push({ route, params })
        if (route === 'GET /user') {
          const url = 'https://ghe.example/api/v3/user'
          throw Object.assign(new Error('Resource not accessible by integration'), {
            status: 403,
            response: { url, status: 403, headers: {}, data: integration.data },
          })
        }
        return { status: 200, url: '', headers: {}, data: viewer('image-bot[bot]').data }
      },
    }
    expect(await tokenIdentity(client)).toEqual({ login: 'image-bot[bot]', kind: 'app' })
    expect(seen[1]).toEqual({
      route: GRAPHQL,
      params: { query: 'query { viewer { login } }', baseUrl: 'https://ghe.example/api' },
    })
  })
})

describe('writtenBy and sameLogin', () => {
  const self = { login: 'github-actions[bot]', kind: 'app' } as const
  it('compare logins without case; anyone else, or no user, is not the token', () => {
    expect(sameLogin('OctoCat', 'octocat')).toBe(true)
    expect(writtenBy(self, { login: 'GitHub-Actions[bot]' })).toBe(true)
    expect(writtenBy(self, { login: 'github-actions' })).toBe(false)
    expect(writtenBy(self, { login: 'renovate[bot]' })).toBe(false)
    expect(writtenBy(self, null)).toBe(false)
  })
})

describe('the double’s GraphQL check', () => {
  it('refuses a field GitHub’s schema does not have, variables, and a reply not shaped as selected', async () => {
    github.expect({ route: GRAPHQL, reply: viewer('a[bot]') })
    await expect(
      github.client.request(GRAPHQL, { query: 'query { viewer { name } }' }),
    ).rejects.toThrow("GraphQL: User has no field 'name'")
    github.expect({ route: GRAPHQL, reply: viewer('a[bot]') })
    await expect(
      github.client.request(GRAPHQL, { query: 'query { viewer { login } }', variables: {} }),
    ).rejects.toThrow('POST /graphql takes { query } only')
    github.expect({ route: GRAPHQL, reply: { status: 200, data: { data: { viewer: {} } } } })
    await expect(
      github.client.request(GRAPHQL, { query: 'query { viewer { login } }' }),
    ).rejects.toThrow(/reply of POST \/graphql does not match/)
    expect(() => github.done()).toThrow(/GitHub double/)
  })
})
