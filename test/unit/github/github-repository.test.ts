// The in-memory repository behind the double: it must refuse what GitHub
// refuses, or the bump pull request tests would pass against a pushover.
import { beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient, type GitHubClient } from '../../../src/github/octokit.js'
import { githubDouble, type GitHubDouble } from '../../support/github-openapi.js'
import { fakeRepository, type FakeRepository } from '../../support/github-repository.js'

let repository: FakeRepository
let github: GitHubDouble
let client: GitHubClient
const where = { owner: 'acme', repo: 'images' }

beforeEach(() => {
  repository = fakeRepository({ ...where, files: { 'a/b.yml': 'one\n' } })
  github = githubDouble({ serve: (r) => repository.serve(r) })
  client = createGitHubClient({ token: 't', fetch: github.fetch })
})

const status = async (route: string, params: Record<string, unknown>): Promise<number> => {
  try {
    return (await client.request(route, { ...where, ...params })).status
  } catch (error) {
    const failure = error as { status: number; message: string }
    if (failure.status === 500) throw error
    return failure.status
  }
}

async function commitOn(parent: string, text: string): Promise<string> {
  const base = await client.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
    ...where,
    commit_sha: parent,
  })
  const tree = await client.request('POST /repos/{owner}/{repo}/git/trees', {
    ...where,
    base_tree: (base.data as { tree: { sha: string } }).tree.sha,
    tree: [{ path: 'a/b.yml', mode: '100644', type: 'blob', content: text }],
  })
  const commit = await client.request('POST /repos/{owner}/{repo}/git/commits', {
    ...where,
    message: text,
    tree: (tree.data as { sha: string }).sha,
    parents: [parent],
  })
  return (commit.data as { sha: string }).sha
}

describe('the fake repository', () => {
  it('moves a branch only forward unless forced, and refuses duplicates and file/folder clashes', async () => {
    const main = repository.branches().main as string
    const one = await commitOn(main, 'two\n')
    const other = await commitOn(main, 'three\n')
    const create = 'POST /repos/{owner}/{repo}/git/refs'
    const move = 'PATCH /repos/{owner}/{repo}/git/refs/{ref}'
    expect(await status(create, { ref: 'refs/heads/x/y', sha: one })).toBe(201)
    expect(await status(create, { ref: 'refs/heads/x/y', sha: one })).toBe(422)
    expect(await status(create, { ref: 'refs/heads/x', sha: one })).toBe(422)
    expect(await status(create, { ref: 'refs/heads/x/y/z', sha: one })).toBe(422)
    expect(await status(create, { ref: 'refs/heads/n', sha: 'f'.repeat(40) })).toBe(422)
    expect(await status(move, { ref: 'heads/x/y', sha: other })).toBe(422)
    expect(await status(move, { ref: 'heads/x/y', sha: other, force: true })).toBe(200)
    expect(repository.file('x/y', 'a/b.yml')).toBe('three\n')
    expect(repository.file('main', 'a/b.yml')).toBe('one\n')
    expect(await status('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ref: 'heads/x/y' })).toBe(
      204,
    )
    expect(await status('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ref: 'heads/x/y' })).toBe(
      422,
    )
    github.done()
  })

  it('refuses a second open pull request for one branch, and one without commits', async () => {
    const main = repository.branches().main as string
    const pulls = 'POST /repos/{owner}/{repo}/pulls'
    await client.request('POST /repos/{owner}/{repo}/git/refs', {
      ...where,
      ref: 'refs/heads/same',
      sha: main,
    })
    expect(await status(pulls, { head: 'same', base: 'main', title: 't' })).toBe(422)
    await client.request('POST /repos/{owner}/{repo}/git/refs', {
      ...where,
      ref: 'refs/heads/b',
      sha: await commitOn(main, 'x\n'),
    })
    expect(await status(pulls, { head: 'b', base: 'main', title: 't' })).toBe(201)
    expect(await status(pulls, { head: 'b', base: 'main', title: 't' })).toBe(422)
    expect(await status(pulls, { head: 'missing', base: 'main', title: 't' })).toBe(422)
    // Deleting the head branch closes its pull request, as on GitHub.
    await client.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
      ...where,
      ref: 'heads/b',
    })
    expect(repository.pulls.map((p) => p.state)).toEqual(['closed'])
    github.done()
  })

  it('still checks every request against the description', async () => {
    await expect(
      client.request('POST /repos/{owner}/{repo}/git/refs', {
        ...where,
        ref: 'refs/heads/q',
        sha: 'x',
        forse: true,
      }),
    ).rejects.toMatchObject({ status: 500 })
    expect(() => github.done()).toThrow(
      /body of POST \/repos\/\{owner\}\/\{repo\}\/git\/refs does not match/,
    )
  })

  it('serves the most specific route of a URL (git/matching-refs, not a template)', async () => {
    const refs = await client.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...where,
      ref: 'heads/',
    })
    expect((refs.data as { ref: string }[]).map((r) => r.ref)).toEqual(['refs/heads/main'])
    expect(github.requests.map((r) => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/git/matching-refs/{ref}',
    ])
    github.done()
  })
})
