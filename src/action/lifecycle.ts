// `command: lifecycle` in the action: the report in the job summary, its
// counts as outputs, and with `lifecycle-issue` the repository's tracking issue.
import * as core from '@actions/core'
import { lifecycleCommand } from '../commands/lifecycle.js'
import { lifecycleCommandOptions } from '../options/convert.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { publishLifecycleIssue } from './lifecycle-issue.js'
import type { ActionInputs } from './inputs.js'

/**
 * Returns the step's failure message, if it fails: findings do not fail it (the
 * issue and the summary tell); invalid definitions do.
 */
export async function runLifecycleAction(
  inputs: ActionInputs,
  reporter: Reporter,
): Promise<string | undefined> {
  const options = lifecycleCommandOptions(inputs.values)
  const keepIssue = inputs.lifecycleIssue
  const token = inputs.githubToken
  if (keepIssue && token === '') {
    throw new UserError('lifecycle-issue needs a token: the github-token input is empty')
  }
  let findings: number | undefined
  await lifecycleCommand(options, reporter, async (report, markdown) => {
    findings = report.findings
    core.setOutput('findings', String(findings))
    if (!keepIssue) return
    const issue = await publishLifecycleIssue(report, markdown, token)
    core.setOutput('issue', issue.operation)
    if (issue.number !== undefined) core.setOutput('issue-number', String(issue.number))
    if (issue.url !== undefined) core.setOutput('issue-url', issue.url)
    if (issue.url !== undefined) core.info(`Tracking issue ${issue.operation}: ${issue.url}`)
  })
  if (findings === undefined) {
    core.setOutput('result', 'invalid')
    return 'Image definitions are invalid: see the annotations.'
  }
  core.setOutput('result', findings > 0 ? 'findings' : 'clean')
  return undefined
}
