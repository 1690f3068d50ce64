// The action's inputs against the option tables: action.yml declares each input
// with the table's default, the reusable workflow passes only inputs the command
// reads with the same defaults, and readInputs fills absent ones from the tables.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ACTION_COMMANDS,
  ACTION_ONLY_INPUTS,
  readInputs,
  type ActionCommand,
} from '../../../src/action/inputs.js'
import type { OptionSpec } from '../../../src/options/table.js'
import { tables } from '../../../src/options/tables.js'

const root = path.resolve(import.meta.dirname, '../../..')
const yaml = <T>(file: string): T => load(readFileSync(path.join(root, file), 'utf8')) as T

const action = yaml<{ inputs: Record<string, { default?: string }> }>('action.yml')
const workflow = yaml<{
  on: { workflow_call: { inputs: Record<string, { default?: unknown }> } }
  jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}>('.github/workflows/image-manager.yml')

/** The inputs a command's table names, with the option each one sets. */
const inputsOf = (command: ActionCommand): Map<string, OptionSpec> =>
  new Map(
    Object.values(tables[command].options).flatMap((spec) =>
      spec.input === undefined ? [] : [[spec.input, spec] as const],
    ),
  )
const byCommand = ACTION_COMMANDS.map((command) => [command, inputsOf(command)] as const)
const optionInputs = new Map(byCommand.flatMap(([, inputs]) => [...inputs]))
const actionOnly: Record<string, { kind: string; default?: string }> = ACTION_ONLY_INPUTS

describe('action.yml against the option tables', () => {
  it('declares every input a table names for the action, and the action-only ones; nothing else', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [...optionInputs.keys(), ...Object.keys(actionOnly)].sort(),
    )
    for (const name of Object.keys(actionOnly)) expect(optionInputs.has(name), name).toBe(false)
  })

  it('an input several commands read is the same option in each', () => {
    for (const [command, inputs] of byCommand) {
      for (const [name, spec] of inputs) {
        const first = optionInputs.get(name)
        expect([spec.kind, spec.default, spec.secret], `${command}: ${name}`).toEqual([
          first?.kind,
          first?.default,
          first?.secret,
        ])
      }
    }
  })

  it("defaults: flags 'false', texts the table's default, action-only inputs their own", () => {
    for (const [name, spec] of optionInputs) {
      const expected = spec.kind === 'flag' ? 'false' : spec.default
      expect(action.inputs[name]?.default, name).toBe(expected)
    }
    for (const [name, spec] of Object.entries(actionOnly))
      expect(action.inputs[name]?.default, name).toBe(spec.default)
  })
})

describe('the reusable workflow against the option tables', () => {
  const steps = Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps.filter((s) => s.uses === './.image-manager-action').map((s) => ({ job, with: s.with })),
  )

  it('passes each action step only inputs its command reads', () => {
    expect(steps.length).toBe(ACTION_COMMANDS.length)
    for (const step of steps) {
      const command = step.with?.command as ActionCommand
      expect(ACTION_COMMANDS, step.job).toContain(command)
      const reads = inputsOf(command)
      for (const name of Object.keys(step.with ?? {})) {
        expect(reads.has(name) || name in actionOnly, `${step.job}: ${name}`).toBe(true)
        expect(action.inputs, `${step.job}: ${name}`).toHaveProperty([name])
      }
    }
  })

  /** Deliberately not the action's default, and why. */
  const differs: Record<string, string> = {
    'check-urls': 'on pull requests the workflow asks the changed urls unless switched off',
  }

  it("gives each input that sets an option the table's default", () => {
    const declared = workflow.on.workflow_call.inputs
    const checked = Object.keys(declared).filter((n) => optionInputs.has(n) && !(n in differs))
    expect(checked.length).toBeGreaterThan(20)
    for (const name of checked) {
      const spec = optionInputs.get(name) as OptionSpec
      const expected = spec.kind === 'flag' ? 'false' : (spec.default ?? '')
      expect(String(declared[name]?.default ?? ''), name).toBe(expected)
    }
    for (const name of Object.keys(differs)) expect(optionInputs.has(name), name).toBe(true)
  })
})

describe('readInputs', () => {
  let written: string
  const saved = { ...process.env }

  beforeEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name]
    written = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk)
      return true
    })
  })

  afterEach(() => {
    vi.restoreAllMocks()
    process.env = { ...saved }
  })

  const inputs = (values: Record<string, string>): void => {
    for (const [name, value] of Object.entries(values))
      process.env[`INPUT_${name.toUpperCase()}`] = value
  }

  it('outside a runner: validate, with the defaults of the tables and flags false', () => {
    const read = readInputs()
    expect(read.command).toBe('validate')
    expect(read.values).toEqual({
      images: 'etc/images/',
      strict: false,
      'check-urls': false,
      'check-urls-max': '1000',
      'check-urls-deadline': '600',
    })
    expect(read).toMatchObject({ comment: false, pullRequestPer: 'file', githubToken: '' })
    inputs({ command: 'lifecycle' })
    expect(readInputs().values['eol-url']).toBe('https://endoflife.date')
    inputs({ command: 'apply' })
    expect(readInputs().values).toMatchObject({
      tag: 'managed_by_osism',
      'max-age': '90',
      concurrency: '4',
      'import-timeout': '1800',
      'detailed-exitcode': false,
    })
  })

  it('reads an option under its input name and rotated-meta one per line', () => {
    inputs({
      command: 'plan',
      'rotated-meta': 'os_purpose=oldgeneric\n\n note=x ',
      'check-age': 'true',
      'max-age': '30',
    })
    expect(readInputs().values).toMatchObject({
      'rotated-meta': ['os_purpose=oldgeneric', 'note=x'],
      'check-age': true,
      'max-age': '30',
    })
  })

  it('update: the mirror-* inputs set the bucket options; secrets masked, never logged', () => {
    inputs({
      command: 'update',
      'mirror-bucket': 'images',
      'mirror-path-style': 'true',
      'mirror-secret-access-key': 's3cr3t-value',
      'clouds-yaml': 'clouds: {}',
      'github-token': 'ghs_fallback',
    })
    const read = readInputs()
    expect(read.values).toMatchObject({
      bucket: 'images',
      'path-style': true,
      'secret-access-key': 's3cr3t-value',
    })
    expect(read.cloudsYaml).toBe('clouds: {}')
    const masks = written.split('\n').filter((l) => l.startsWith('::add-mask::'))
    expect(masks.sort()).toEqual(
      ['::add-mask::s3cr3t-value', '::add-mask::clouds: {}', '::add-mask::ghs_fallback'].sort(),
    )
    const debug = written.split('\n').filter((l) => l.startsWith('::debug::'))
    expect(debug.join('\n')).toContain('"bucket":"images"')
    expect(debug.join('\n')).not.toMatch(/s3cr3t|clouds: \{\}|ghs_fallback/)
  })

  it('an unknown command names the known ones', () => {
    inputs({ command: 'destroy' })
    expect(() => readInputs()).toThrow(
      "Unknown command 'destroy'; expected one of: validate, plan, apply, update, lifecycle",
    )
  })
})
