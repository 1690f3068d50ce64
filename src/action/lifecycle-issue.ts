// The lifecycle report as the repository's one tracking issue (the action's
// `lifecycle-issue` input): opened with the findings, closed when clean.
import * as github from '@actions/github'
import { lifecycleHeadline } from '../lifecycle/render.js'
import type { LifecycleReport } from '../lifecycle/report.js'
import { tokenIdentity } from '../github/identity.js'
import { createGitHubClient } from '../github/octokit.js'
import { syncTrackingIssue, type TrackingIssueResult } from '../github/tracking-issue.js'

export const LIFECYCLE_MARKER = '<!-- image-manager-lifecycle -->'

export async function publishLifecycleIssue(
  report: LifecycleReport,
  markdown: string,
  token: string,
): Promise<TrackingIssueResult> {
  const { owner, repo } = github.context.repo
  const client = createGitHubClient({ token })
  return syncTrackingIssue(client, {
    owner,
    repo,
    self: await tokenIdentity(client),
    marker: LIFECYCLE_MARKER,
    title: lifecycleHeadline(report),
    body: markdown,
    open: report.findings > 0,
  })
}
