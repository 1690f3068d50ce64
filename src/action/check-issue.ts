// The SCS check of one cloud as the repository's one tracking issue for that
// cloud (the action's `check-issue` input): opened with findings, closed when clean.
import type { CheckOutcome } from '../commands/check.js'
import type { TrackingIssueResult } from '../github/tracking-issue.js'
import { failsCheck } from '../scs/rules.js'
import { publishTrackingIssue } from './lifecycle-issue.js'
import { cloudMarker } from './plan-comment.js'

/** The hidden marker of a cloud's check issue; the cloud name cannot end the comment. */
export const checkMarker = (cloud: string | undefined): string => cloudMarker('check', cloud)

/** How many rules fail, the issue's title. */
export function checkHeadline(outcome: CheckOutcome, cloud: string | undefined): string {
  const failed = outcome.results.filter(failsCheck).length
  const where = `cloud ${cloud ?? 'default'}`
  return failed
    ? `SCS check (${where}): ${failed} of ${outcome.results.length} rules fail`
    : `SCS check (${where}): every rule passes`
}

export const publishCheckIssue = (
  outcome: CheckOutcome,
  cloud: string | undefined,
  token: string,
): Promise<TrackingIssueResult> =>
  publishTrackingIssue(token, {
    marker: checkMarker(cloud),
    title: checkHeadline(outcome, cloud),
    body: outcome.markdown,
    open: outcome.results.some(failsCheck),
  })
