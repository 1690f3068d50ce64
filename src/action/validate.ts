// `command: validate` in the action: on a pull request, check-urls asks only
// about the definitions it changes; the result as an output.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { validateCommand } from '../commands/validate.js'
import { createGitHubClient } from '../github/octokit.js'
import { pullRequestChangedLines } from '../github/pull-request-files.js'
import { validateCommandOptions } from '../options/convert.js'
import type { Reporter } from '../reporter.js'
import type { ActionInputs } from './inputs.js'

/** Returns the step's failure message, if it fails. */
export async function runValidateAction(
  inputs: ActionInputs,
  reporter: Reporter,
): Promise<string | undefined> {
  const options = validateCommandOptions(inputs.values)
  if (options.checkUrls) {
    // On a pull request, only the definitions it changes.
    const changed = await pullRequestChangedLines(
      github.context,
      () => createGitHubClient({ token: inputs.githubToken }),
      process.env.GITHUB_WORKSPACE || process.cwd(),
      (m) => reporter.warning(m),
    )
    if (changed) options.checkUrls.changed = changed
  }
  const code = await validateCommand(options, reporter)
  core.setOutput('result', code === 0 ? 'valid' : 'invalid')
  return code === 0 ? undefined : 'Image definitions are invalid: see the annotations.'
}
