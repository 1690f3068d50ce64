// The README's table of the action's inputs and outputs is generated from action.yml by
// scripts/action-table.mjs; it must be what the script prints now.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  actionPath,
  actionTable,
  FIX_COMMAND,
  firstSentence,
  readmePath,
  readmeTable,
} from '../../../scripts/action-table.mjs'

// Formatting with prettier takes about a second, more on a busy machine.
describe("the README's action table", { timeout: 30_000 }, () => {
  let generated: string
  beforeAll(async () => {
    generated = await actionTable()
  }, 30_000)

  it('is what scripts/action-table.mjs prints from action.yml', () => {
    const inReadme = readmeTable(readFileSync(readmePath, 'utf8'))
    expect(inReadme, 'README.md lacks the action-table markers').toBeDefined()
    expect(inReadme, `the table is stale: run \`${FIX_COMMAND}\``).toBe(generated)
  })

  it('names every input and output of action.yml', () => {
    const action = load(readFileSync(actionPath, 'utf8')) as {
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
    }
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(generated).toContain(`| \`${name}\``)
    }
  })
})

describe('firstSentence', () => {
  it('stops where the next sentence starts with a capital letter', () => {
    expect(firstSentence('Cloud name in clouds.yaml (plan). Without it, OS_CLOUD is used.')).toBe(
      'Cloud name in clouds.yaml (plan).',
    )
    expect(firstSentence('Images it renames, e.g. rotating a build (plan).')).toBe(
      'Images it renames, e.g. rotating a build (plan).',
    )
    expect(firstSentence('No end mark')).toBe('No end mark')
  })
})
