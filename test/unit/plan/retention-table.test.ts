// Retention as a table (docs/behaviour.md §6): every form of uuid_validity,
// multi and non-multi, under each option, with the exact steps in order; then
// the steady state: once the steps ran, a second plan has nothing to do.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { plan } from '../../../src/plan/plan.js'
import type { PlanOptions } from '../../../src/plan/plan.js'
import {
  candidates,
  outsideWindow,
  parseValidity,
  windowSize,
  type Build,
} from '../../../src/plan/retention.js'
import type { Plan } from '../../../src/plan/types.js'
import { adopted, definition, options, version } from './fixtures.js'

/** Versions 2024-01-01 to 2024-01-`count`, oldest first. */
const days = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `202401${String(i + 1).padStart(2, '0')}`)

/** A definition with `validity` as its uuid_validity (undefined: no such key). */
function withValidity(multi: boolean, versions: string[], validity: unknown): Definition {
  const base = definition()
  const meta: Record<string, unknown> = { ...base.meta, uuid_validity: validity }
  if (validity === undefined) delete meta.uuid_validity
  return definition({
    name: multi ? 'Ubuntu 24.04' : 'Flatcar',
    multi,
    meta: meta as Definition['meta'],
    versions: versions.map((v) => version(v)),
  })
}

/** Glance's name of the build of version `v`. */
const named = (multi: boolean, v: string): string =>
  multi ? `Ubuntu 24.04 (${v})` : `Flatcar ${v}`

const steps = (p: Plan): string[] =>
  p.definitions.flatMap((d) =>
    [...d.steps, ...d.retention].map((s) => `${s.action} ${s.image.name}`),
  )

/** The images once `p`'s retention steps ran (the plans here hold nothing else). */
function applied(images: readonly CloudImage[], p: Plan): CloudImage[] {
  let out = structuredClone([...images])
  for (const d of p.definitions) {
    expect(d.steps).toEqual([])
    for (const s of d.retention) {
      const image = out.find((i) => i.id === s.image.id)
      if (!image) throw new Error(`no image ${s.image.name}`)
      if (s.action === 'hide') image.visibility = 'community'
      else if (s.action === 'deactivate') image.status = 'deactivated'
      else if (s.action === 'delete') out = out.filter((i) => i !== image)
      else throw new Error(`unexpected retention step ${s.action}`)
    }
  }
  return out
}

// [uuid_validity, how many listed versions, how many of the oldest leave]
// with the clock at 2024-06-01T23:59:59Z.
const forms: [string, unknown, number, number][] = [
  ['last-1', 'last-1', 4, 3],
  ['last-2', 'last-2', 4, 2],
  ['last-3', 'last-3', 4, 1],
  ['last-4', 'last-4', 4, 0],
  ['last-0 (as last-1)', 'last-0', 4, 3],
  ['last-10 of 12', 'last-10', 12, 2],
  ['last-11 of 12', 'last-11', 12, 1],
  ['last-12 of 12', 'last-12', 12, 0],
  ['a date in the past', '2024-05-31', 4, 3],
  ['a date long past', '2020-01-01', 4, 3],
  ['today (not yet passed)', '2024-06-01', 4, 0],
  ['a date in the future', '2024-06-02', 4, 0],
  ['a date far in the future', '2999-01-01', 4, 0],
  ['none', 'none', 4, 0],
  ['forever', 'forever', 4, 0],
  ['absent', undefined, 4, 0],
  ['null', null, 4, 0],
  ['invalid: last-x', 'last-x', 4, 0],
  ['invalid: xlast-1', 'xlast-1', 4, 0],
  ['invalid: last-1x', 'last-1x', 4, 0],
  ['invalid: a short date', '2024-5-31', 4, 0],
  ['invalid: a date with a tail', '2024-05-31x', 4, 0],
  ['invalid: a date with a head', 'x2024-05-31', 4, 0],
]

// [option, plan options, the steps for one leaving build (active, public)]
const acts: [string, Partial<PlanOptions>, (name: string) => string[]][] = [
  ['--hide', { hide: true }, (n) => [`hide ${n}`]],
  ['--deactivate', { deactivate: true }, (n) => [`deactivate ${n}`]],
  [
    '--hide --deactivate',
    { hide: true, deactivate: true },
    (n) => [`deactivate ${n}`, `hide ${n}`],
  ],
  [
    '--delete --yes-i-really-know-what-i-do',
    { delete: true, confirmDelete: true },
    (n) => [`delete ${n}`],
  ],
  ['--delete alone', { delete: true }, () => []],
  ['no option', {}, () => []],
]

const now = new Date('2024-06-01T23:59:59Z')

describe.each([true, false])('multi: %s', (multi) => {
  describe.each(forms)('uuid_validity %s', (_form, validity, count, leaving) => {
    const versions = days(count)
    const def = withValidity(multi, versions, validity)
    // Newest first: the order retention acts in.
    const gone = versions
      .slice(0, leaving)
      .reverse()
      .map((v) => named(multi, v))

    it.each(acts)('%s: the exact steps, then nothing', (_act, extra, each) => {
      const o = options({ ...extra, now })
      const images = adopted(def)
      const first = plan([def], images, o)
      expect(steps(first)).toEqual(gone.flatMap(each))
      // Steady state: hidden, deactivated or deleted builds are not planned again,
      // a deleted one is not imported again, a deactivated one not reactivated.
      expect(steps(plan([def], applied(images, first), o))).toEqual([])
    })

    it('--keep --delete: a non-multi definition keeps its builds, a multi one does not', () => {
      const o = options({ keep: true, delete: true, confirmDelete: true, now })
      const images = adopted(def)
      const first = plan([def], images, o)
      expect(steps(first)).toEqual(multi ? gone.map((n) => `delete ${n}`) : [])
      expect(steps(plan([def], applied(images, first), o))).toEqual([])
    })
  })
})

describe('builds already retired are not planned again', () => {
  it.each([true, false])('multi: %s, --hide --deactivate', (multi) => {
    const def = withValidity(multi, days(3), 'last-1')
    const images = adopted(def).map((i, n) =>
      n === 0
        ? { ...i, visibility: 'community' as const }
        : n === 1
          ? { ...i, status: 'deactivated' as const }
          : i,
    )
    // The oldest is hidden already (only deactivate), the middle one deactivated (only hide).
    expect(steps(plan([def], images, options({ hide: true, deactivate: true, now })))).toEqual([
      `hide ${named(multi, '20240102')}`,
      `deactivate ${named(multi, '20240101')}`,
    ])
  })
})

describe('versions outside the window are not imported', () => {
  const versions = ['20240103', '20240101', '20240104', '20240102'] // listed out of order
  const missing = (def: Definition): CloudImage[] =>
    adopted(def).filter((i) => i.properties.internal_version === '20240104')

  it.each([
    ['multi', true, {}, ['20240103']],
    ['multi, --keep (ignored)', true, { keep: true }, ['20240103']],
    ['non-multi', false, {}, ['20240103']],
    [
      'non-multi, --keep (keeps every build)',
      false,
      { keep: true },
      ['20240101', '20240102', '20240103'],
    ],
  ] as const)('%s, last-2', (_what, multi, extra, imported) => {
    const def = withValidity(multi, versions, 'last-2')
    const p = plan([def], missing(def), options({ ...extra, now }))
    const imports = p.definitions[0]?.steps.filter((s) => s.action === 'import') ?? []
    expect(imports.map((s) => (s.action === 'import' ? s.version : ''))).toEqual(imported)
  })

  it('with keep: true on a non-multi definition', () => {
    const def = { ...withValidity(false, versions, 'last-2'), keep: true }
    const p = plan([def], missing(def), options({ now }))
    const imports = p.definitions[0]?.steps.filter((s) => s.action === 'import') ?? []
    expect(imports).toHaveLength(3)
  })
})

describe('parseValidity and windowSize', () => {
  const at = new Date('2024-06-01T23:59:59Z')
  it.each([
    [
      undefined,
      { kind: 'keep-all', why: "uuid_validity is 'none'" },
      null,
      "uuid_validity is 'none'",
    ],
    [null, { kind: 'keep-all', why: "uuid_validity is 'none'" }, null, "uuid_validity is 'none'"],
    [
      'forever',
      { kind: 'keep-all', why: "uuid_validity is 'forever'" },
      null,
      "uuid_validity is 'forever'",
    ],
    ['last-1', { kind: 'last', n: 1 }, 1, 'uuid_validity last-1'],
    ['last-0', { kind: 'last', n: 1 }, 1, 'uuid_validity last-1'],
    ['last-10', { kind: 'last', n: 10 }, 10, 'uuid_validity last-10'],
    ['last-123', { kind: 'last', n: 123 }, 123, 'uuid_validity last-123'],
    [
      'last-',
      { kind: 'keep-all', why: "uuid_validity is 'last-'" },
      null,
      "uuid_validity is 'last-'",
    ],
    [
      'last-x',
      { kind: 'keep-all', why: "uuid_validity is 'last-x'" },
      null,
      "uuid_validity is 'last-x'",
    ],
    [
      '2024-05-31',
      { kind: 'expired', date: '2024-05-31' },
      1,
      'uuid_validity expired on 2024-05-31',
    ],
    [
      '2024-06-01',
      { kind: 'keep-all', why: 'uuid_validity 2024-06-01 is in the future' },
      null,
      'uuid_validity 2024-06-01 is in the future',
    ],
    [
      '2024-06-02',
      { kind: 'keep-all', why: 'uuid_validity 2024-06-02 is in the future' },
      null,
      'uuid_validity 2024-06-02 is in the future',
    ],
    [
      '2024-6-1',
      { kind: 'keep-all', why: "uuid_validity is '2024-6-1'" },
      null,
      "uuid_validity is '2024-6-1'",
    ],
    [
      '202-06-01',
      { kind: 'keep-all', why: "uuid_validity is '202-06-01'" },
      null,
      "uuid_validity is '202-06-01'",
    ],
    [
      '12024-05-31',
      { kind: 'keep-all', why: "uuid_validity is '12024-05-31'" },
      null,
      "uuid_validity is '12024-05-31'",
    ],
    [7, { kind: 'keep-all', why: "uuid_validity is '7'" }, null, "uuid_validity is '7'"],
  ] as const)('%s', (value, validity, size, why) => {
    expect(parseValidity(value, at)).toEqual(validity)
    expect(windowSize(parseValidity(value, at))).toEqual({ size, why })
  })
})

describe('outsideWindow', () => {
  const versions = ['20240103', '20240101', '20240104', '20240102'] // listed out of order
  const def = (multi: boolean): Definition => withValidity(multi, versions, 'last-2')
  const outside = (...args: [Definition, number | null, boolean?]) => [...outsideWindow(...args)]

  it('every version but the newest `size`, whatever order they are listed in', () => {
    expect(outside(def(true), 2).sort()).toEqual(['20240101', '20240102'])
    expect(outside(def(false), 1).sort()).toEqual(['20240101', '20240102', '20240103'])
    expect(outside(def(true), 4)).toEqual([])
    expect(outside(def(true), 10)).toEqual([])
  })
  it('none when every build stays', () => {
    expect(outside(def(true), null)).toEqual([])
    expect(outside(def(false), null)).toEqual([])
  })
  it('keep keeps every build of a non-multi definition only', () => {
    expect(outside(def(false), 2, true)).toEqual([])
    expect(outside(def(false), 2, false).sort()).toEqual(['20240101', '20240102'])
    expect(outside(def(true), 2, true).sort()).toEqual(['20240101', '20240102'])
  })
})

describe('candidates', () => {
  const build = (v: string, current = false): Build => ({ internalVersion: v, current })
  const leave = (def: Definition, builds: Build[], size: number | null, keep = false) =>
    candidates(def, builds, size, keep).map((b) => `${b.internalVersion}${b.current ? '*' : ''}`)
  const multi = withValidity(true, ['20240101', '20240102'], 'last-1')
  const single = withValidity(false, ['20240101'], 'last-1')

  it('multi: the name holder counts first, whatever its version, then newest first', () => {
    const builds = [
      build('20240102'),
      build('20240104'),
      build('20240103', true),
      build('20240101'),
    ]
    expect(leave(multi, builds, 1)).toEqual(['20240104', '20240102', '20240101'])
    expect(leave(multi, builds, 2)).toEqual(['20240102', '20240101'])
    expect(leave(multi, builds, 1, true)).toEqual(['20240104', '20240102', '20240101'])
    expect(leave(multi, builds, null)).toEqual([])
    expect(leave(multi, builds, 4)).toEqual([])
  })

  it('non-multi: builds of versions no longer listed leave first, newest first', () => {
    const builds = [build('20240103'), build('20240101'), build('20240104'), build('20240102')]
    expect(leave(single, builds, 1)).toEqual(['20240104', '20240103', '20240102'])
    expect(leave(single, builds, 2)).toEqual(['20240103', '20240102'])
    expect(leave(single, builds, 1, true)).toEqual([])
    expect(leave(single, builds, null)).toEqual([])
  })

  it('non-multi: among listed builds, the oldest leave', () => {
    const listed = withValidity(false, ['20240101', '20240102', '20240103'], 'last-1')
    const builds = [build('20240102'), build('20240103'), build('20240101')]
    expect(leave(listed, builds, 1)).toEqual(['20240102', '20240101'])
  })
})
