// The saved-plan staleness check (src/plan/saved.ts) field by field and both
// ways: what the basis records, what counts as a change and what does not.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { plan as computePlan } from '../../../src/plan/plan.js'
import {
  basisChanges,
  canonicalJson,
  definitionsDigest,
  imageState,
  planShape,
  recordBasis,
  reliesOn,
  shapedOptions,
} from '../../../src/plan/saved.js'
import type { Plan } from '../../../src/plan/types.js'
import { adopted, definition, options, version } from './fixtures.js'

const ubuntu = definition({ name: 'Ubuntu 24.04', versions: [version('20240101')] })
const debian = definition({ name: 'Debian 12', versions: [version('20240701')] })

/** A plan whose steps act on the given image ids (hand-made: only reliesOn reads it). */
const acting = (retained: string[], replaced: string[] = []): Plan =>
  ({
    definitions: [
      {
        steps: replaced.map((id) => ({
          action: 'import',
          image: { name: 'new build' },
          replaces: { id, name: 'old build' },
        })),
        retention: retained.map((id) => ({ action: 'hide', image: { id, name: 'x' } })),
      },
    ],
  }) as unknown as Plan

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: { f: null, e: 'x' } } })).toBe(
      '{"a":{"c":{"e":"x","f":null},"d":[3,1]},"b":1}',
    )
    expect(canonicalJson([{ b: 1, a: 2 }, 'z', 0])).toBe('[{"a":2,"b":1},"z",0]')
    expect(canonicalJson({ B: 1, a: 2, _: 3 })).toBe('{"B":1,"_":3,"a":2}')
  })
})

describe('definitionsDigest', () => {
  it('changes with the file a definition comes from, not its line or column', () => {
    const moved = { ...ubuntu, position: { file: ubuntu.position.file, line: 7, column: 1 } }
    expect(definitionsDigest([moved])).toBe(definitionsDigest([ubuntu]))
    const elsewhere = { ...ubuntu, position: { ...ubuntu.position, file: 'etc/images/other.yml' } }
    expect(definitionsDigest([elsewhere])).not.toBe(definitionsDigest([ubuntu]))
    expect(definitionsDigest([ubuntu])).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe('planShape', () => {
  it('the plan-shaping options, and no key for an option not given', () => {
    expect(planShape({ ...options(), cloud: 'c', importTimeoutMs: 1 })).toStrictEqual({
      tag: 'managed_by_osism',
      force: false,
      latest: false,
      useOsHidden: false,
      hide: false,
      deactivate: false,
      delete: false,
      confirmDelete: false,
      keep: false,
    })
  })
  it('every option given', () => {
    const rotated = { meta: { os_purpose: 'oldgeneric' }, hidden: true }
    const given = {
      tag: 't',
      filter: '^U',
      force: true,
      latest: true,
      useOsHidden: true,
      hide: true,
      deactivate: true,
      delete: true,
      confirmDelete: true,
      keep: true,
      maxAgeDays: 0,
      rotated,
      verify: 'none' as const,
    }
    expect(planShape({ ...given, now: new Date() })).toStrictEqual(given)
    expect(planShape({ ...options(), filter: '' })).toHaveProperty('filter', '')
  })
})

describe('imageState', () => {
  let image: CloudImage | undefined
  // Per test: mutation testing credits a test only with the code run in it or its beforeEach.
  beforeEach(() => {
    ;[image] = adopted(ubuntu, {
      os_hidden: true,
      tags: ['b', 'a'],
      properties: { z: '1', os_glance_x: 'y', a: '2' },
      updated_at: '2024-05-01T00:00:00Z',
    })
  })
  it('what the planner reads of an image, properties and tags sorted, no os_glance_*', () => {
    const state = imageState(image as CloudImage)
    expect(state).toStrictEqual({
      id: image?.id,
      name: 'Ubuntu 24.04',
      status: 'active',
      visibility: 'public',
      hidden: true,
      min_disk: 8,
      min_ram: 512,
      size: 3 * 2 ** 30,
      tags: ['a', 'b'],
      properties: { a: '2', z: '1' },
      updated_at: '2024-05-01T00:00:00Z',
    })
    expect(Object.keys(state.properties)).toEqual(['a', 'z'])
  })
  it('properties in key order whatever order Glance lists them in', () => {
    const listed = { ...(image as CloudImage), properties: { a: '1', c: '2', b: '3', d: '4' } }
    expect(Object.keys(imageState(listed).properties)).toEqual(['a', 'b', 'c', 'd'])
  })
  it('no size, no os_hidden, no updated_at', () => {
    const bare: Partial<CloudImage> = structuredClone(image as CloudImage)
    delete bare.updated_at
    delete bare.os_hidden
    delete bare.size
    const state = imageState(bare as CloudImage)
    expect(state.size).toBeNull()
    expect(state.hidden).toBe(false)
    expect('updated_at' in state).toBe(false)
  })
})

describe('reliesOn', () => {
  const image = (id: string, name: string, def?: Definition): CloudImage => {
    const [i] = adopted(def ?? debian)
    return { ...(i as CloudImage), id, name }
  }
  it('without --filter: every image', () => {
    expect(reliesOn(acting([]), [ubuntu], undefined)(image('a', 'Debian 12'))).toBe(true)
  })
  it('with --filter: by name, by definition, by step; nothing else', () => {
    const relied = reliesOn(acting(['hidden-id'], ['replaced-id']), [ubuntu, debian], '^Ubuntu')
    expect(relied(image('a', 'Ubuntu 24.04 copy'))).toBe(true)
    expect(relied(image('b', 'renamed', ubuntu))).toBe(true)
    expect(relied(image('hidden-id', 'Debian 12'))).toBe(true)
    expect(relied(image('replaced-id', 'Debian 12'))).toBe(true)
    expect(relied(image('c', 'Debian 12'))).toBe(false)
    expect(relied(image('d', 'Debian 12 Ubuntu'))).toBe(false)
  })
  it('with --filter matching several definitions: an image of any one of them', () => {
    const relied = reliesOn(acting([]), [ubuntu, debian], '^(Ubuntu 24\\.04|Debian 12)$')
    expect(relied(image('a', 'renamed', debian))).toBe(true)
    expect(relied(image('b', 'renamed', ubuntu))).toBe(true)
  })
})

describe('recordBasis', () => {
  it('records the resolved latest versions and errors, images by id', () => {
    const images = [...adopted(debian), ...adopted(ubuntu)].reverse()
    const latest = { version: '20240801', url: 'https://example.test/x.img' }
    const o = options({
      latestInfo: new Map([['Debian 12', latest]]) as never,
      latestErrors: new Map([['Ubuntu 24.04', 'unreachable']]),
    })
    const p = computePlan([ubuntu, debian], images, o)
    const basis = recordBasis(p, [ubuntu, debian], images, o)
    expect(basis.latest).toEqual({ 'Debian 12': latest })
    expect(basis.latestErrors).toEqual({ 'Ubuntu 24.04': 'unreachable' })
    expect(basis.images.map((i) => i.id)).toEqual(images.map((i) => i.id).sort())
    const back = shapedOptions({ ...p, cloud: 'east' }, basis)
    expect(back.cloud).toBe('east')
    expect([...(back.latestInfo ?? [])]).toEqual([['Debian 12', latest]])
    expect([...(back.latestErrors ?? [])]).toEqual([['Ubuntu 24.04', 'unreachable']])
    expect('cloud' in shapedOptions(p, basis)).toBe(false)
    const none = recordBasis(p, [ubuntu, debian], images, options())
    expect(none.latest).toEqual({})
    expect(none.latestErrors).toEqual({})
  })
})

describe('basisChanges, one field at a time', () => {
  const images = () => adopted(ubuntu, { updated_at: '2024-05-01T00:00:00Z' })
  const after = (edit: (i: CloudImage) => void): string[] => {
    const before = images()
    const o = options()
    const p = computePlan([ubuntu], before, o)
    const basis = recordBasis(p, [ubuntu], before, o)
    const now = structuredClone(before)
    edit(now[0] as CloudImage)
    return basisChanges(p, basis, [ubuntu], now)
  }

  const fields: [string, (i: CloudImage) => void, string][] = [
    [
      'name',
      (i: CloudImage) => void (i.name = 'Other'),
      "name is 'Other' now, the plan saw 'Ubuntu 24.04'",
    ],
    [
      'status',
      (i: CloudImage) => void (i.status = 'deactivated'),
      'status is deactivated now, the plan saw active',
    ],
    [
      'visibility',
      (i: CloudImage) => void (i.visibility = 'community'),
      'visibility is community now, the plan saw public',
    ],
    [
      'os_hidden',
      (i: CloudImage) => void (i.os_hidden = true),
      'os_hidden is true now, the plan saw false',
    ],
    ['min_disk', (i: CloudImage) => void (i.min_disk = 40), 'min_disk is 40 now, the plan saw 8'],
    [
      'min_ram',
      (i: CloudImage) => void (i.min_ram = 1024),
      'min_ram is 1024 now, the plan saw 512',
    ],
    [
      'size',
      (i: CloudImage) => void (i.size = undefined),
      'size is null now, the plan saw 3221225472',
    ],
    [
      'a tag removed',
      (i: CloudImage) => void (i.tags = []),
      'tags are none now, the plan saw managed_by_osism, os:ubuntu',
    ],
    [
      'a property',
      (i: CloudImage) => void (i.properties.os_version = '22.04'),
      "property os_version is '22.04' now, the plan saw '24.04'",
    ],
    [
      'a property removed',
      (i: CloudImage) => void delete i.properties.os_version,
      "property os_version is none now, the plan saw '24.04'",
    ],
    [
      'updated_at alone',
      (i: CloudImage) => void (i.updated_at = '2024-05-02T00:00:00Z'),
      'changed since the plan (updated_at 2024-05-02T00:00:00Z, the plan saw 2024-05-01T00:00:00Z)',
    ],
  ]
  it.each(fields)('%s', (_what, edit, said) => {
    expect(after(edit)).toEqual([`Ubuntu 24.04: ${said}`])
  })

  it('a change and updated_at: the change only', () => {
    expect(
      after((i) => {
        i.min_ram = 1024
        i.updated_at = '2024-05-02T00:00:00Z'
      }),
    ).toEqual(['Ubuntu 24.04: min_ram is 1024 now, the plan saw 512'])
  })

  it('tags in another order, Glance bookkeeping, the same values: no change', () => {
    expect(
      after((i) => {
        i.tags.reverse()
        i.properties.os_glance_import_task = 'x'
        i.properties = Object.fromEntries(Object.entries(i.properties).reverse())
      }),
    ).toEqual([])
  })

  it('a property gone and one added: one line each in key order', () => {
    const lines = after((i) => {
      delete i.properties.os_distro
      i.properties.aa = '2'
    })
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe("Ubuntu 24.04: property aa is '2' now, the plan saw none")
    expect(lines[1]).toMatch(/^Ubuntu 24\.04: property os_distro is none now, the plan saw '/)
  })

  it('several properties, one line each in key order', () => {
    expect(
      after((i) => {
        i.properties.zz = '1'
        i.properties.aa = '2'
      }),
    ).toEqual([
      "Ubuntu 24.04: property aa is '2' now, the plan saw none",
      "Ubuntu 24.04: property zz is '1' now, the plan saw none",
    ])
  })
})

describe('basisChanges with --filter', () => {
  it('a new image outside the filter is no change, inside it is', () => {
    const before = [...adopted(ubuntu), ...adopted(debian)]
    const o = options({ filter: '^Ubuntu' })
    const p = computePlan([ubuntu, debian], before, o)
    const basis = recordBasis(p, [ubuntu, debian], before, o)
    const [extra] = adopted(debian)
    const [own] = adopted(ubuntu)
    expect(basisChanges(p, basis, [ubuntu, debian], [...before, extra as CloudImage])).toEqual([])
    expect(basisChanges(p, basis, [ubuntu, debian], [...before, own as CloudImage])).toEqual([
      `Ubuntu 24.04: new since the plan (${own?.id})`,
    ])
  })
})
