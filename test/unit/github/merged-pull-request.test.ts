// Which pull request a pushed commit came with, through the OpenAPI-checked double.
import { describe, expect, it } from 'vitest'
import { getPullRequestHead, mergedPullRequestOf } from '../../../src/github/pull-requests.js'
import { githubDouble, specExample } from '../../support/github-openapi.js'

const repo = { owner: 'o', repo: 'r' }
const SHA = 'c'.repeat(40)

/** GitHub's example pull request; its own example lacks the `type` its schema requires of a team. */
function pull(number: number, merged: string | null, mergeCommit: string): Record<string, unknown> {
  const [item] = specExample('pull-request-simple-items') as unknown as Record<string, unknown>[]
  return {
    ...item,
    number,
    merged_at: merged,
    merge_commit_sha: mergeCommit,
    requested_teams: [],
  }
}

const listing = (data: unknown[]) => ({
  route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  params: { ...repo, commit_sha: SHA },
  reply: { status: 200, data },
})

describe('mergedPullRequestOf', () => {
  it('the merged pull request whose merge commit the push is, not an open one holding the commit', async () => {
    const double = githubDouble(
      {},
      listing([
        pull(7, null, 'a'.repeat(40)),
        pull(8, '2026-01-01T00:00:00Z', 'b'.repeat(40)),
        pull(9, '2026-01-02T00:00:00Z', SHA),
      ]),
    )
    expect(await mergedPullRequestOf(double.client, repo, SHA)).toMatchObject({
      number: 9,
      merged: true,
      mergeCommitSha: SHA,
    })
    double.done()
  })

  it('null for a direct push; only open pull requests count as none', async () => {
    const double = githubDouble({}, listing([]), listing([pull(7, null, 'a'.repeat(40))]))
    expect(await mergedPullRequestOf(double.client, repo, SHA)).toBeNull()
    expect(await mergedPullRequestOf(double.client, repo, SHA)).toBeNull()
    double.done()
  })

  it("a pull request's head now, with a read-permission hint when GitHub refuses", async () => {
    const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
    const example = specExample('pull-request')
    const double = githubDouble(
      {},
      { route, reply: { status: 200, data: { ...example, requested_teams: [] } } },
      { route, reply: { status: 404, data: { message: 'Not Found', documentation_url: 'x' } } },
    )
    const head = await getPullRequestHead(double.client, repo, 1347)
    expect(head.headSha).toBe((example.head as { sha: string }).sha)
    await expect(getPullRequestHead(double.client, repo, 1347)).rejects.toThrow(
      /o\/r#1347 failed with status 404.*pull-requests: read/,
    )
    double.done()
  })
})
