// The action: inputs read once -> the chosen command's file -> the step's outputs.
// The step fails here and only here.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { escapeLog } from '../escape/log.js'
import { withoutUserinfo } from '../http/secrets.js'
import { getErrorMessage } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { runApplyAction } from './apply.js'
import { runCheckAction } from './check.js'
import { readInputs, type ActionCommand, type ActionInputs } from './inputs.js'
import { runLifecycleAction } from './lifecycle.js'
import { runPlanAction } from './plan.js'
import { createActionsReporter } from './reporter.js'
import { runUpdateAction } from './update.js'
import { runValidateAction } from './validate.js'

/** Each command's step; it returns its failure message, if it fails. */
const steps: Record<
  ActionCommand,
  (inputs: ActionInputs, reporter: Reporter, dir: string) => Promise<string | undefined>
> = {
  validate: runValidateAction,
  plan: runPlanAction,
  apply: runApplyAction,
  update: (inputs, reporter) => runUpdateAction(inputs, reporter),
  lifecycle: runLifecycleAction,
  check: (inputs, reporter) => runCheckAction(inputs, reporter),
}

/** Where this step's plan JSON and report go: the runner's temp folder, cleaned after the job. */
async function outputDir(): Promise<string> {
  return mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'image-manager-'))
}

/** The reporter, also keeping every summary it writes: the `report-markdown` output. */
function recordingSummaries(reporter: Reporter, sink: string[]): Reporter {
  return {
    ...reporter,
    summary: async (markdown) => {
      sink.push(withoutUserinfo(markdown))
      await reporter.summary(markdown)
    },
  }
}

/** Runs the command; returns the step's failure message, if it fails. */
async function runStep(): Promise<string | undefined> {
  const inputs = readInputs()
  const summaries: string[] = []
  const reporter = recordingSummaries(createActionsReporter(), summaries)
  const dir = await outputDir()
  try {
    return await steps[inputs.command](inputs, reporter, dir)
  } finally {
    const report = path.join(dir, 'report.md')
    await writeFile(report, summaries.join('\n\n'))
    core.setOutput('report-markdown', report)
  }
}

export async function run(): Promise<void> {
  let failure: string | undefined
  try {
    failure = await runStep()
  } catch (error) {
    failure = escapeLog(withoutUserinfo(getErrorMessage(error)))
  }
  if (failure !== undefined) core.setFailed(failure)
}
