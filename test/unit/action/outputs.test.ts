// The action's outputs: what action.yml declares is what the code sets, and the counts
// add up. (Its inputs against the option tables: inputs.test.ts.)
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { applyOutputs, OUTPUT_NAMES, planOutputs } from '../../../src/action/outputs.js'
import type { ApplyReport } from '../../../src/apply/executor.js'
import type { DefinitionPlan, Plan, Step } from '../../../src/plan/types.js'

const action = load(
  readFileSync(path.resolve(import.meta.dirname, '../../../action.yml'), 'utf8'),
) as { outputs: Record<string, { description: string }> }

const step = (action: Step['action'], name: string): Step =>
  ({ action, image: { id: name, name }, reason: 'test' }) as Step

function plan(definitions: Partial<DefinitionPlan>[]): Plan {
  return {
    definitions: definitions.map((d, i) => ({
      name: `d${i}`,
      file: 'x.yml',
      line: 1,
      steps: [],
      retention: [],
      notes: [],
      ...d,
    })),
  } as unknown as Plan
}

describe('action outputs', () => {
  it('action.yml declares exactly the outputs the code sets, each described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description.length, name).toBeGreaterThan(10)
    }
  })

  it('counts imports, renames, repairs and retention steps; changes is their sum', () => {
    const outputs = planOutputs(
      plan([
        { steps: [step('import', 'a'), step('rename', 'b'), step('update', 'c')] },
        {
          steps: [step('deactivate', 'd'), step('import', 'e')],
          retention: [step('hide', 'f') as never],
        },
        { retention: [step('delete', 'g') as never, step('deactivate', 'h') as never] },
      ]),
    )
    expect(outputs).toEqual({
      'has-changes': 'true',
      changes: '8',
      imports: '2',
      renames: '1',
      updates: '2',
      retirements: '3',
    })
  })

  it('an empty plan has no changes', () => {
    expect(planOutputs(plan([{}]))).toMatchObject({ 'has-changes': 'false', changes: '0' })
  })

  it('applied counts the steps done, failed those that failed; skipped ones are neither', () => {
    const report = {
      failed: 1,
      outcomes: [
        { status: 'done' },
        { status: 'done' },
        { status: 'failed' },
        { status: 'skipped' },
      ],
    } as unknown as ApplyReport
    expect(applyOutputs(report)).toEqual({ applied: '2', failed: '1' })
    expect(applyOutputs(undefined)).toEqual({ applied: '0', failed: '0' })
  })
})
