// What a saved plan records of the cloud, and the comparison with a fresh
// listing that `apply --plan` refuses on (src/plan/saved.ts).
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import { plan as computePlan } from '../../../src/plan/plan.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import {
  basisChanges,
  basisDigest,
  definitionsDigest,
  recordBasis,
  shapedOptions,
} from '../../../src/plan/saved.js'
import type { Plan, PlanBasis } from '../../../src/plan/types.js'
import { adopted, definition, options, version } from './fixtures.js'

const ubuntu = definition({ name: 'Ubuntu 24.04', versions: [version('20240101')] })
const debian = definition({
  name: 'Debian 12',
  multi: true,
  versions: [version('20240701'), version('20240717')],
})
const catalog = [ubuntu, debian]

/** The cloud as the old tool left it, one drift on Ubuntu (min_ram 1024, the definition wants 512). */
function cloud(): CloudImage[] {
  const [u] = adopted(ubuntu, { min_ram: 1024, updated_at: '2024-05-01T00:00:00Z' })
  return [u as CloudImage, ...adopted(debian, { updated_at: '2024-05-01T00:00:00Z' })]
}

function saved(
  images: CloudImage[],
  extra: Parameters<typeof options>[0] = {},
): { plan: Plan; basis: PlanBasis } {
  const o = options(extra)
  const plan = computePlan(catalog, images, o)
  return { plan, basis: recordBasis(plan, catalog, images, o) }
}

const changesAfter = (
  edit: (images: CloudImage[]) => CloudImage[],
  defs: readonly Definition[] = catalog,
  extra: Parameters<typeof options>[0] = {},
): string[] => {
  const images = cloud()
  const { plan, basis } = saved(images, extra)
  return basisChanges(plan, basis, defs, edit(structuredClone(images)))
}

const named = (images: CloudImage[], name: string): CloudImage => {
  const image = images.find((i) => i.name.startsWith(name))
  if (!image) throw new Error(`no ${name}`)
  return image
}

describe('the basis of a plan', () => {
  it('records every managed image it relies on, its state, the options and both digests', () => {
    const images = cloud()
    const { plan, basis } = saved(images)
    expect(basis.images.map((i) => i.id)).toEqual(images.map((i) => i.id).sort())
    const u = basis.images.find((i) => i.name === 'Ubuntu 24.04')
    expect(u).toMatchObject({ min_ram: 1024, status: 'active', hidden: false })
    expect(u?.properties.image_description).toBe('Ubuntu 24.04')
    expect(basis.options).toMatchObject({ tag: 'managed_by_osism', delete: false })
    expect(basis.planDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(basis.definitionsDigest).toBe(definitionsDigest(catalog))
    expect(basis.digest).toBe(basisDigest(basis))
    expect(plan.summary.update).toBe(1)
  })

  it('the definitions digest ignores lines, not content', () => {
    const moved = catalog.map((d) => ({ ...d, position: { ...d.position, line: 99 } }))
    expect(definitionsDigest(moved)).toBe(definitionsDigest(catalog))
    const changed = [{ ...ubuntu, min_ram: 2048 }, debian]
    expect(definitionsDigest(changed)).not.toBe(definitionsDigest(catalog))
    expect(definitionsDigest([debian, ubuntu])).not.toBe(definitionsDigest(catalog))
  })

  it('a hand edit of the basis changes its digest', () => {
    const { basis } = saved(cloud())
    const edited = { ...basis, options: { ...basis.options, delete: true } }
    expect(basisDigest(edited)).not.toBe(basis.digest)
  })

  it('with --filter: only the images of the matching definitions and names', () => {
    const images = cloud()
    const { basis } = saved(images, { filter: '^Ubuntu' })
    expect(basis.images.map((i) => i.name)).toEqual(['Ubuntu 24.04'])
    // A change outside the filter does not make the plan stale.
    expect(
      changesAfter(
        (now) => {
          named(now, 'Debian 12').min_ram = 4096
          return now
        },
        catalog,
        { filter: '^Ubuntu' },
      ),
    ).toEqual([])
  })

  it('replans with the clock, options and resolved versions the plan was made with', () => {
    const images = cloud()
    const { plan, basis } = saved(images, { hide: true })
    const o = shapedOptions(plan, basis)
    expect(o.now.toISOString()).toBe(plan.generatedAt)
    expect(o.hide).toBe(true)
    expect(computePlan(catalog, images, o).definitions).toEqual(plan.definitions)
  })
})

describe('what changed since the plan', () => {
  it('nothing: no change', () => {
    expect(changesAfter((now) => now)).toEqual([])
  })

  it('the order of the listing does not matter', () => {
    expect(changesAfter((now) => now.reverse())).toEqual([])
  })

  it('a field: named with both values', () => {
    const changes = changesAfter((now) => {
      named(now, 'Ubuntu').min_ram = 2048
      return now
    })
    expect(changes).toEqual(['Ubuntu 24.04: min_ram is 2048 now, the plan saw 1024'])
  })

  it.each([
    ['status', (i: CloudImage) => void (i.status = 'deactivated'), 'status is deactivated now'],
    ['visibility', (i: CloudImage) => void (i.visibility = 'community'), 'visibility is community'],
    ['os_hidden', (i: CloudImage) => void (i.os_hidden = true), 'os_hidden is true now'],
    ['min_disk', (i: CloudImage) => void (i.min_disk = 40), 'min_disk is 40 now'],
    ['size', (i: CloudImage) => void (i.size = 1), 'size is 1 now'],
    ['name', (i: CloudImage) => void (i.name = 'Other'), "name is 'Other' now"],
    [
      'tags',
      (i: CloudImage) => void i.tags.push('extra'),
      'tags are extra, managed_by_osism, os:ubuntu now',
    ],
    [
      'a property',
      (i: CloudImage) => void (i.properties.os_version = '22.04'),
      "property os_version is '22.04' now",
    ],
    [
      'a new property',
      (i: CloudImage) => void (i.properties.extra = 'x'),
      "property extra is 'x' now, the plan saw none",
    ],
    [
      'a removed property',
      (i: CloudImage) => void delete i.properties.image_build_date,
      'property image_build_date is none now',
    ],
    [
      'anything else (updated_at)',
      (i: CloudImage) => void (i.updated_at = '2024-05-02T00:00:00Z'),
      'changed since the plan (updated_at 2024-05-02T00:00:00Z',
    ],
  ])('%s', (_what, edit, said) => {
    const changes = changesAfter((now) => {
      edit(named(now, 'Ubuntu'))
      return now
    })
    expect(changes).toHaveLength(1)
    expect(changes[0]).toContain(`Ubuntu 24.04: ${said}`)
  })

  it('Glance bookkeeping (os_glance_*) is not a change', () => {
    expect(
      changesAfter((now) => {
        named(now, 'Ubuntu').properties.os_glance_importing_to_stores = 'x'
        return now
      }),
    ).toEqual([])
  })

  it('a deleted image, by the name the plan saw', () => {
    const changes = changesAfter((now) => now.filter((i) => i.name !== 'Debian 12 (20240701)'))
    expect(changes).toEqual(['Debian 12 (20240701): deleted since the plan (or no longer managed)'])
  })

  it('a new managed image', () => {
    const changes = changesAfter((now) => [
      ...now,
      { ...named(now, 'Ubuntu'), id: 'new-id', name: 'Ubuntu 24.04 copy' },
    ])
    expect(changes).toEqual(['Ubuntu 24.04 copy: new since the plan (new-id)'])
  })

  it('every change, one line each', () => {
    const changes = changesAfter((now) => {
      named(now, 'Ubuntu').min_ram = 1
      named(now, 'Ubuntu').visibility = 'private'
      return now.filter((i) => i.name !== 'Debian 12')
    })
    expect(changes).toHaveLength(3)
  })
})
