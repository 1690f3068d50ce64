// `command: lifecycle` in the action: the report in the job summary, its
// counts as outputs, and with `lifecycle-issue` the repository's tracking issue.
import * as core from '@actions/core'
import { lifecycleCommand, lifecycleCommandOptions } from '../commands/lifecycle.js'
import type { Values } from '../options/values.js'
import { DEFAULT_EOL_URL } from '../lifecycle/endoflife.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { publishLifecycleIssue } from './lifecycle-issue.js'

/** The inputs only `lifecycle` reads (action.yml declares them; a test checks). */
export const LIFECYCLE_INPUTS = ['eol-url', 'lifecycle-issue']

/** Findings do not fail the step (the issue and the summary tell); invalid definitions do. */
export async function runLifecycleAction(values: Values, reporter: Reporter): Promise<void> {
  const options = lifecycleCommandOptions({
    ...values,
    'eol-url': core.getInput('eol-url') || DEFAULT_EOL_URL,
  })
  const keepIssue =
    core.getInput('lifecycle-issue') !== '' && core.getBooleanInput('lifecycle-issue')
  const token = core.getInput('github-token')
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
    core.setFailed('Image definitions are invalid: see the annotations.')
    return
  }
  core.setOutput('result', findings > 0 ? 'findings' : 'clean')
}
