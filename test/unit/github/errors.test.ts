// GitHub's failures as the operator reads them: one line, route and target,
// GitHub's message and the permission to grant, whatever shape the error had.
import { describe, expect, it } from 'vitest'
import {
  GitHubApiError,
  gitHubError,
  gitHubFailure,
  hasStatus,
  permissionHint,
} from '../../../src/github/errors.js'

const ROUTE = 'POST /repos/{owner}/{repo}/pulls'

/** Shaped like Octokit's `RequestError`. */
const requestError = (status: number, message: string, url?: string): Error =>
  Object.assign(new Error(`${message}${url ? ` - ${url}` : ''}`), {
    status,
    response: { data: { message, ...(url ? { documentation_url: url } : {}) } },
  })

describe('gitHubFailure', () => {
  it('reads status, GitHub’s message and its documentation link', () => {
    const error = requestError(422, 'Validation\n  Failed', 'https://docs.github.com/rest')
    expect(gitHubFailure(error)).toEqual({
      status: 422,
      message: 'Validation Failed',
      documentationUrl: 'https://docs.github.com/rest',
    })
  })

  it('falls back to the error’s own message, and to the value itself', () => {
    expect(gitHubFailure(new Error('fetch failed'))).toEqual({ message: 'fetch failed' })
    expect(gitHubFailure('boom')).toEqual({ message: 'boom' })
    expect(gitHubFailure(requestError(500, 'x'.repeat(400))).message).toHaveLength(300)
  })
})

describe('gitHubError', () => {
  it('names route, target, status and GitHub’s message', () => {
    const error = gitHubError(ROUTE, 'acme/images', requestError(409, 'Conflict'), 'contents')
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ route: ROUTE, status: 409 })
    expect(error.message).toBe(
      `GitHub API ${ROUTE} for acme/images failed with status 409: Conflict`,
    )
  })

  it('says when no answer came', () => {
    const error = gitHubError(ROUTE, 'acme/images', new Error('socket hang up'), 'comments')
    expect(error.message).toBe(
      `GitHub API ${ROUTE} for acme/images failed without a status: socket hang up`,
    )
  })

  it('tells which permissions a refused comment needs', () => {
    const refused = requestError(403, 'Resource not accessible by integration')
    const error = gitHubError(ROUTE, 'acme/images#7', refused, 'comments')
    expect(error.message).toMatch(/^GitHub refused POST .* for acme\/images#7 \(403 Resource/)
    expect(error.message).toContain('`permissions: pull-requests: write` and `issues: write`')
  })

  it('tells which token or permissions pushing and opening pull requests need', () => {
    const notPermitted = requestError(
      403,
      'GitHub Actions is not permitted to create or approve pull requests.',
    )
    expect(gitHubError(ROUTE, 'a/b', notPermitted, 'contents').message).toMatch(
      /; pass a GitHub App token or a personal access token as `token`/,
    )
    expect(gitHubError(ROUTE, 'a/b', requestError(404, 'Not Found'), 'contents').message).toMatch(
      /Not Found; the token needs `contents: write` and `pull-requests: write`/,
    )
  })

  it('gives no permission hint for a server failure', () => {
    const failure = gitHubFailure(requestError(502, 'Bad Gateway'))
    expect(permissionHint(failure, 'read')).toBe('')
    expect(permissionHint(failure, 'contents')).toBe('')
    expect(permissionHint(failure, 'comments')).toBe('')
    expect(permissionHint({ message: 'No GitHub token' }, 'read')).toContain(
      '`permissions: pull-requests: read`',
    )
  })
})

describe('hasStatus', () => {
  it('matches the status of a request error or a GitHubApiError', () => {
    expect(hasStatus(requestError(404, 'Not Found'), [404])).toBe(true)
    expect(hasStatus(new GitHubApiError('x', ROUTE, 422), [404, 422])).toBe(true)
    expect(hasStatus(new Error('x'), [404])).toBe(false)
    expect(hasStatus(null, [404])).toBe(false)
  })
})
