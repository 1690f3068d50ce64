// The action's inputs and outputs: what action.yml declares is what the code reads and sets,
// with the same defaults, and the counts add up.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { applyOutputs, OUTPUT_NAMES, planOutputs } from '../../../src/action/outputs.js'
import { ACTION_COMMANDS, ACTION_ONLY_INPUTS } from '../../../src/action/inputs.js'
import type { OptionSpec } from '../../../src/options/table.js'
import { tables } from '../../../src/options/tables.js'
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

describe('action inputs', () => {
  const inputs = (
    load(readFileSync(path.resolve(import.meta.dirname, '../../../action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string; default?: string }>
    }
  ).inputs
  /** Every option input of the action's commands, with its option's spec. */
  const options = new Map<string, OptionSpec>(
    ACTION_COMMANDS.flatMap((command) =>
      Object.values(tables[command].options).flatMap((spec) =>
        spec.input === undefined ? [] : [[spec.input, spec] as const],
      ),
    ),
  )
  const flags = [...options].filter(([, s]) => s.kind === 'flag').map(([name]) => name)
  const texts = [...options].filter(([, s]) => s.kind !== 'flag').map(([name]) => name)

  it('action.yml declares exactly the inputs the code reads', () => {
    expect(Object.keys(inputs).sort()).toEqual(
      [...flags, ...texts, ...Object.keys(ACTION_ONLY_INPUTS)].sort(),
    )
  })

  it('flags default to false, and texts to what the code uses when the input is absent', () => {
    for (const name of flags) expect(inputs[name]?.default, name).toBe('false')
    for (const name of texts) expect(inputs[name]?.default, name).toBe(options.get(name)?.default)
  })
})
