// `command: check` in the action: the SCS rules against the cloud, the report in
// the job summary, findings on the definitions behind them as annotations, and
// with `check-issue` the cloud's tracking issue.
import * as core from '@actions/core'
import { checkCommand } from '../commands/check.js'
import { failsCheck } from '../scs/rules.js'
import { escapeLog } from '../escape/log.js'
import { checkCommandOptions } from '../options/convert.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { publishCheckIssue } from './check-issue.js'
import type { ActionInputs } from './inputs.js'
import { setOutputs } from './outputs.js'

/**
 * Returns the step's failure message, if it fails: findings do not fail it (the
 * issue, the annotations and the summary tell); invalid definitions do.
 */
export async function runCheckAction(
  inputs: ActionInputs,
  reporter: Reporter,
): Promise<string | undefined> {
  const options = checkCommandOptions(inputs.values)
  const token = inputs.githubToken
  if (inputs.checkIssue && token === '') {
    throw new UserError('check-issue needs a token: the github-token input is empty')
  }
  let findings: number | undefined
  await checkCommand(
    { ...options, ...(inputs.cloudsYaml ? { cloudsYaml: inputs.cloudsYaml } : {}) },
    reporter,
    async (outcome) => {
      findings = outcome.results.filter(failsCheck).length
      setOutputs({ findings: String(findings) })
      reporter.problems(outcome.problems)
      if (!inputs.checkIssue) return
      const issue = await publishCheckIssue(outcome, options.cloud, token)
      setOutputs({
        issue: issue.operation,
        ...(issue.number !== undefined ? { 'issue-number': String(issue.number) } : {}),
        ...(issue.url !== undefined ? { 'issue-url': issue.url } : {}),
      })
      if (issue.url !== undefined)
        core.info(escapeLog(`Tracking issue ${issue.operation}: ${issue.url}`))
    },
  )
  if (findings === undefined) {
    setOutputs({ result: 'invalid' })
    return 'Image definitions are invalid: see the annotations.'
  }
  setOutputs({ result: findings > 0 ? 'findings' : 'clean' })
  return undefined
}
