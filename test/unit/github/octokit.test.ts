import { describe, expect, it } from 'vitest'
import { USER_AGENT, createGitHubClient } from '../../../src/github/octokit.js'
import { githubDouble } from '../../support/github-openapi.js'
import { LIST, comment } from './fixtures.js'

describe('createGitHubClient', () => {
  it('refuses an empty token', () => {
    expect(() => createGitHubClient({ token: ' ' })).toThrow(/No GitHub token/)
  })

  it('is Octokit with our user agent, the token and a GitHub Enterprise base URL', async () => {
    const baseUrl = 'https://ghe.example.com/api/v3'
    const github = githubDouble(
      { baseUrl },
      {
        route: LIST,
        headers: { authorization: 'token secret-1' },
        params: { owner: 'acme', repo: 'images', issue_number: 7 },
        reply: { status: 200, data: [comment(1, 'hi')] },
      },
    )
    const client = createGitHubClient({ token: 'secret-1', baseUrl, fetch: github.fetch })
    const response = await client.request(LIST, { owner: 'acme', repo: 'images', issue_number: 7 })
    expect(response).toMatchObject({ status: 200, data: [{ id: 1 }] })
    expect(github.requests[0]?.headers['user-agent']).toContain(USER_AGENT)
    github.done()
  })
})
