// Reading a plan file back (apply --plan): whole and as plan wrote it, or a
// clear error (exit 2) that names the file; never a partly read plan.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkGivenOptions, readSavedPlan } from '../../../src/commands/saved-plan.js'
import { plan as computePlan } from '../../../src/plan/plan.js'
import { recordBasis } from '../../../src/plan/saved.js'
import type { Plan } from '../../../src/plan/types.js'
import { UserError } from '../../../src/problems.js'
import { adopted, definition, options, version } from '../plan/fixtures.js'

let dir: string
let text: string
let plan: Plan

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'saved-plan-'))
})
// Per test, not once: mutation testing credits a test only with the code run in it or its beforeEach.
beforeEach(() => {
  const def = definition({ multi: true, versions: [version('20240101'), version('20240201')] })
  const images = adopted({ ...def, versions: [version('20240101')] }, { min_ram: 1 })
  const o = options({ hide: true })
  plan = computePlan([def], images, o)
  plan.basis = recordBasis(plan, [def], images, o)
  text = `${JSON.stringify(plan, null, 2)}\n`
})

afterAll(() => rm(dir, { recursive: true, force: true }))

async function read(content: string): Promise<Plan | UserError> {
  const file = path.join(dir, 'plan.json')
  await writeFile(file, content)
  return readSavedPlan(file).catch((error: unknown) => error as UserError)
}

describe('readSavedPlan', () => {
  it('reads back what plan wrote', async () => {
    expect(plan.summary.import).toBe(1)
    expect(await read(text)).toEqual(plan)
  })

  it('a file cut anywhere is an error (exit 2) naming the file, never a plan', async () => {
    for (let cut = 0; cut < text.trimEnd().length; cut += 13) {
      const result = await read(text.slice(0, cut))
      expect(result, `cut at ${cut}`).toBeInstanceOf(UserError)
      const error = result as UserError
      expect(error.exitCode).toBe(2)
      expect(error.message).toMatch(
        /^plan file .*plan\.json: is not whole JSON \(.* at line \d+, column \d+\)/,
      )
      expect(error.message).toContain('nothing was applied')
    }
  })

  it.each([
    [
      'a step',
      (p: Plan) => void (p.definitions[0]!.steps[0]!.image.name = 'other'),
      'its steps were edited',
    ],
    ['the cloud', (p: Plan) => void (p.cloud = 'other'), 'its steps were edited'],
    ['an image state', (p: Plan) => void (p.basis!.images[0]!.min_ram = 9), 'its basis was edited'],
    ['an option', (p: Plan) => void (p.basis!.options.delete = true), 'its basis was edited'],
    [
      'the definitions digest',
      (p: Plan) => void (p.basis!.definitionsDigest = `sha256:${'0'.repeat(64)}`),
      'its basis was edited',
    ],
    ['a missing basis', (p: Plan) => void delete p.basis, 'records no basis'],
    [
      'a wrong type',
      (p: Plan) => void ((p.summary as Record<string, unknown>).import = 'one'),
      'does not match schemas/plan.schema.json: /summary/import',
    ],
    [
      'an unknown field',
      (p: Plan) => void ((p as unknown as Record<string, unknown>).extra = 1),
      'does not match schemas/plan.schema.json',
    ],
    [
      'format 1',
      (p: Plan) => void ((p as { formatVersion: number }).formatVersion = 1),
      'has formatVersion 1',
    ],
  ])('a hand edit of %s is an error (exit 2)', async (_what, edit, said) => {
    const edited = structuredClone(plan)
    edit(edited)
    const result = await read(JSON.stringify(edited))
    expect(result).toBeInstanceOf(UserError)
    expect((result as UserError).exitCode).toBe(2)
    expect((result as UserError).message).toContain(said)
  })

  it('a file that is not there is an error (exit 2)', async () => {
    await expect(readSavedPlan(path.join(dir, 'none.json'))).rejects.toThrow(/cannot be read/)
  })
})

describe('options given with --plan', () => {
  const saved = () => ({ ...plan, basis: plan.basis! })

  it('the same as the file, or none: fine', () => {
    expect(() => checkGivenOptions(saved(), {})).not.toThrow()
    expect(() => checkGivenOptions(saved(), { hide: true, tag: 'managed_by_osism' })).not.toThrow()
  })

  it('different: refused (exit 2), each named with both values', () => {
    const check = () => checkGivenOptions(saved(), { delete: true, filter: '^x', cloud: 'c' })
    expect(check).toThrow(
      /delete true \(the plan: false\), filter "\^x" \(the plan: unset\), cloud "c" \(the plan: unset\)/,
    )
  })
})
