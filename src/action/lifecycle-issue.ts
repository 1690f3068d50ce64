// The repository's tracking issues (lifecycle report, SCS check): each one
// written as the token's own identity, opened with findings, closed when clean.
import * as github from '@actions/github'
import { lifecycleHeadline } from '../lifecycle/render.js'
import type { LifecycleReport } from '../lifecycle/report.js'
import { tokenIdentity } from '../github/identity.js'
import { createGitHubClient } from '../github/octokit.js'
import {
  syncTrackingIssue,
  type TrackingIssueOptions,
  type TrackingIssueResult,
} from '../github/tracking-issue.js'

export const LIFECYCLE_MARKER = '<!-- image-manager-lifecycle -->'

/** Syncs one tracking issue of this repository; only the token's own issue is edited or closed. */
export async function publishTrackingIssue(
  token: string,
  issue: Pick<TrackingIssueOptions, 'marker' | 'title' | 'body' | 'open'>,
): Promise<TrackingIssueResult> {
  const { owner, repo } = github.context.repo
  const client = createGitHubClient({ token })
  return syncTrackingIssue(client, { owner, repo, self: await tokenIdentity(client), ...issue })
}

/** The lifecycle report (the action's `lifecycle-issue` input). */
export const publishLifecycleIssue = (
  report: LifecycleReport,
  markdown: string,
  token: string,
): Promise<TrackingIssueResult> =>
  publishTrackingIssue(token, {
    marker: LIFECYCLE_MARKER,
    title: lifecycleHeadline(report),
    body: markdown,
    open: report.findings > 0,
  })
