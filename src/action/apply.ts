// `command: apply` in the action: exactly the plan, with the plan's and the
// run's counts as outputs.
import * as core from '@actions/core'
import { applyCommand } from '../commands/apply.js'
import { writePlanJson } from '../commands/plan.js'
import { applyCommandOptions } from '../options/plan.js'
import type { Reporter } from '../reporter.js'
import type { ActionInputs } from './inputs.js'
import { applyOutputs, setOutputs } from './outputs.js'
import { planJsonOf, setPlanOutputs } from './plan.js'

/** Returns the step's failure message, if it fails. */
export async function runApplyAction(
  inputs: ActionInputs,
  reporter: Reporter,
  dir: string,
): Promise<string | undefined> {
  const planJson = planJsonOf(inputs, dir)
  const code = await applyCommand(
    {
      ...applyCommandOptions(inputs.values),
      ...(inputs.cloudsYaml ? { cloudsYaml: inputs.cloudsYaml } : {}),
    },
    reporter,
    async (plan, report) => {
      await writePlanJson(planJson, plan)
      setPlanOutputs(plan, planJson)
      setOutputs(applyOutputs(report))
    },
  )
  core.setOutput('result', code === 0 ? 'applied' : code === 1 ? 'failed' : 'error')
  return code === 0 ? undefined : 'apply did not complete: see the report above.'
}
