// A cloud whose images were made by the old tool plans nothing; drift by hand plans exactly its repair.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPlanSession, type PlanCommandOptions } from '../../../src/commands/plan.js'
import type { Plan } from '../../../src/plan/types.js'
import type { Reporter } from '../../../src/reporter.js'
import { rawGlance } from '../../support/raw-glance.js'
import { applyOptions } from '../apply/support.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/old-tool')
const tag = `adopt-${process.pid}-${Date.now()}`
const quiet: Reporter = {
  info() {},
  warning() {},
  debug() {},
  problems() {},
  summary: async () => {},
  secret() {},
}

/** Attributes Glance sets itself: they cannot be given on create. */
const READ_ONLY = [
  'status',
  'os_hash_algo',
  'os_glance_failed_import',
  'os_glance_importing_to_stores',
  'disk_format',
]

async function planNow(extra: Partial<PlanCommandOptions> = {}): Promise<Plan> {
  const options = applyOptions(tag, path.join(fixtures, 'catalog.yml'), extra)
  const outcome = await openPlanSession(options, quiet)
  if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
  return outcome.plan
}

describe('adoption of a cloud the old tool manages', () => {
  let glance: Awaited<ReturnType<typeof rawGlance>>
  const ids = new Map<string, string>()

  beforeAll(async () => {
    glance = await rawGlance()
    const shapes = JSON.parse(
      readFileSync(path.join(fixtures, 'glance-images.json'), 'utf8'),
    ) as Record<string, unknown>[]
    for (const shape of shapes) {
      const body: Record<string, unknown> = {
        ...shape,
        disk_format: 'raw',
        tags: (shape.tags as string[]).map((t) => (t === 'oim-fidelity' ? tag : t)),
      }
      for (const key of READ_ONLY.filter((k) => k !== 'disk_format')) delete body[key]
      ids.set(shape.name as string, await glance.createActive(body))
    }
  })

  afterAll(async () => {
    for (const id of ids.values()) await glance?.delete(id).catch(() => undefined)
  })

  it('plans zero imports and zero changes, from the two listing passes (visible and os_hidden)', async () => {
    const plan = await planNow()
    expect(plan.definitions.flatMap((d) => d.steps)).toEqual([])
    expect(plan.summary).toMatchObject({ import: 0, rename: 0, update: 0, unchanged: 2 })
    expect(plan.orphans).toEqual([])
    const glanceRequests = Object.entries(plan.requests ?? {}).filter(
      ([k]) => k.includes('/v2/images') || k === 'GET /',
    )
    // Version discovery plus one listing pass each for visible and os_hidden images.
    expect(Object.fromEntries(glanceRequests)).toEqual({ 'GET /': 1, 'GET /v2/images': 2 })
  })

  it('a property, min_ram and a tag changed by hand plan exactly their repair', async () => {
    const id = ids.get('Fid Ubuntu') as string
    await glance.patch(id, [
      { op: 'replace', path: '/hw_rng_model', value: 'none' },
      { op: 'replace', path: '/min_ram', value: 128 },
      { op: 'replace', path: '/tags', value: [tag, 'extra-tag', 'os:ubuntu', 'by-hand'] },
      { op: 'add', path: '/leftover_key', value: 'x' },
    ])
    const plan = await planNow()
    expect(plan.definitions.flatMap((d) => d.steps)).toEqual([
      {
        action: 'update',
        image: { id, name: 'Fid Ubuntu' },
        changes: [
          { field: 'property', key: 'hw_rng_model', from: 'none', to: 'virtio' },
          { field: 'property', key: 'leftover_key', from: 'x' },
          { field: 'min_ram', from: 128, to: 512 },
          {
            field: 'tags',
            add: [],
            remove: ['by-hand'],
            to: [tag, 'extra-tag', 'os:ubuntu'].sort(),
          },
        ],
        reason: 'differs from the definition',
      },
    ])
  })

  it('a new build in the catalog plans its import and the rotation', async () => {
    const catalog = readFileSync(path.join(fixtures, 'catalog.yml'), 'utf8').replace(
      "      - version: '20240422'",
      "      - version: '20240430'\n        url: http://127.0.0.1:18080/img-20240430.qcow2\n      - version: '20240422'",
    )
    const file = path.join(process.env.TMPDIR ?? '/tmp', `${tag}.yml`)
    await import('node:fs/promises').then((fs) => fs.writeFile(file, catalog))
    const plan = await planNow({ images: file })
    const ubuntu = plan.definitions.find((d) => d.name === 'Fid Ubuntu')
    const steps = ubuntu?.steps.map((s) =>
      s.action === 'rename' ? `rename ${s.image.name} -> ${s.to}` : `${s.action} ${s.image.name}`,
    )
    // The drift of the previous test is still there and still planned.
    expect(steps).toEqual([
      'import Fid Ubuntu (20240430)',
      'rename Fid Ubuntu -> Fid Ubuntu (20240422)',
      'rename Fid Ubuntu (20240430) -> Fid Ubuntu',
      'update Fid Ubuntu',
    ])
  })
})
