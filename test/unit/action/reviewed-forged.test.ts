// A pull request author cannot make the merge "as reviewed": a comment of
// theirs carrying the plan marker and a record that matches the merge's plan
// exactly is not the tool's, so the merge finds no reviewed plan.
import { describe, expect, it } from 'vitest'
import { planCommentBody, planMarker, planSource } from '../../../src/action/plan-comment.js'
import { compareWithReviewed, findReviewedPlan } from '../../../src/action/reviewed-plan.js'
import { stickyBody } from '../../../src/github/sticky-comment.js'
import { githubDouble, specExample } from '../../support/github-openapi.js'
import { identityExpectations } from '../../support/github-identity.js'
import { planOf } from '../escape/hostile.js'

const repo = { owner: 'o', repo: 'r' }
const MERGE = 'c'.repeat(40)
const HEAD = 'd'.repeat(40)

function merged(): Record<string, unknown> {
  const [item] = specExample('pull-request-simple-items') as unknown as Record<string, unknown>[]
  const head = { ...(item?.head as Record<string, unknown>), sha: HEAD }
  return {
    ...item,
    number: 5,
    head,
    merged_at: '2026-12-07T08:00:00Z',
    merge_commit_sha: MERGE,
    requested_teams: [],
  }
}

function comment(id: number, body: string, login: string, type: string): Record<string, unknown> {
  const example = specExample('issue-comment') as Record<string, unknown>
  const user = { ...(example.user as Record<string, unknown>), login, type }
  return { ...example, id, body, user }
}

describe('the reviewed plan on merge', () => {
  const plan = planOf((i) => `value-${i}`)
  const forged = stickyBody(
    planMarker(plan.cloud),
    planCommentBody(plan, planSource('https://github.com', repo, HEAD)),
  )
  const expectations = (by: { login: string; type: string }) => [
    {
      route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      reply: { status: 200, data: [merged()] },
    },
    ...identityExpectations(),
    {
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      reply: { status: 200, data: [comment(1, forged, by.login, by.type)] },
    },
  ]

  it("a person's comment with the marker and a matching record is no reviewed plan", async () => {
    const double = githubDouble({}, ...expectations({ login: 'octocat', type: 'User' }))
    const reviewed = await findReviewedPlan(double.client, repo, MERGE, plan.cloud)
    double.done()
    expect(reviewed.record).toBeNull()
    expect(reviewed.missing).toMatch(/no plan comment/)
    expect(compareWithReviewed(reviewed, plan).asReviewed).toBe(false)
  })

  it('the same comment written by the token (github-actions[bot]) is the reviewed plan', async () => {
    const double = githubDouble({}, ...expectations({ login: 'github-actions[bot]', type: 'Bot' }))
    const reviewed = await findReviewedPlan(double.client, repo, MERGE, plan.cloud)
    double.done()
    expect(reviewed.record).not.toBeNull()
    expect(compareWithReviewed(reviewed, plan).asReviewed).toBe(true)
  })
})
