// Retention by uuid_validity, multi and non-multi, under every option
// (docs/behaviour.md §6): the exact steps the plan holds. Non-multi retention
// is an extension: the old tool kept every listed build of such a definition.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import { plan } from '../../../src/plan/plan.js'
import type { PlanOptions } from '../../../src/plan/plan.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

const steps = (def: Definition, images = adopted(def), extra: Partial<PlanOptions> = {}) => {
  const p = plan([def], images, options(extra))
  return p.definitions.flatMap((d) =>
    [...d.steps, ...d.retention].map((s) => `${s.action} ${s.image.name}`),
  )
}

const versions = ['20240401', '20240408', '20240416', '20240422']
const multi = definition({ versions: versions.map((v) => version(v)) })
const single = definition({ name: 'Flatcar', multi: false, versions: multi.versions })
const withValidity = (def: Definition, validity: string): Definition => ({
  ...def,
  meta: { ...def.meta, uuid_validity: validity },
})

/** Glance names of the builds, oldest first. */
const names = {
  multi: versions.slice(0, 3).map((v) => `Ubuntu 24.04 (${v})`),
  single: versions.slice(0, 3).map((v) => `Flatcar ${v}`),
}

// uuid_validity -> how many of the three older builds leave (newest of them first).
const forms: [string, number][] = [
  ['last-3', 1],
  ['last-2', 2],
  ['last-1', 3],
  ['last-0', 3],
  ['2024-01-01', 3],
  ['2999-01-01', 0],
  ['none', 0],
  ['forever', 0],
  ['notice', 0],
]

const acts: [string, Partial<PlanOptions>, (name: string) => string[]][] = [
  ['hide', { hide: true }, (n) => [`hide ${n}`]],
  ['deactivate', { deactivate: true }, (n) => [`deactivate ${n}`]],
  ['delete', { delete: true, confirmDelete: true }, (n) => [`delete ${n}`]],
  ['delete unconfirmed', { delete: true }, () => []],
  ['no option', {}, () => []],
  ['keep with delete', { keep: true, delete: true, confirmDelete: true }, () => []],
]

describe.each([
  ['multi', multi, names.multi],
  ['non-multi', single, names.single],
] as const)('retention of a %s definition', (kind, def, older) => {
  describe.each(forms)('uuid_validity %s', (validity, leaving) => {
    const d = withValidity(def, validity)
    it.each(acts)('%s', (act, extra, expected) => {
      const gone = older.slice(0, leaving).reverse()
      // --keep keeps the builds of a non-multi definition; a multi one ignores it.
      const keeps = act === 'keep with delete' && kind === 'non-multi'
      const want =
        act === 'keep with delete' && !keeps
          ? gone.map((n) => `delete ${n}`)
          : gone.flatMap(expected)
      expect(steps(d, adopted(d), extra)).toEqual(want)
    })
  })
})

describe('non-multi retention: listed and dropped builds', () => {
  const listed = (...v: string[]) => ({ ...single, versions: v.map((x) => version(x)) })

  it('a listed version older than the window is not imported again', () => {
    const d = withValidity(single, 'last-2')
    const p = plan([d], adopted(d).slice(2), options({ hide: true }))
    expect(p.definitions[0]?.steps).toEqual([])
    expect(p.definitions[0]?.notes.map((n) => `${n.image?.name}: ${n.message}`)).toEqual([
      'Flatcar 20240401: not imported: outside the retention window (uuid_validity last-2)',
      'Flatcar 20240408: not imported: outside the retention window (uuid_validity last-2)',
    ])
  })

  it('dropped builds leave before listed ones, however new they are', () => {
    // Back to an older version: the newer builds dropped from the list go first.
    const d = withValidity(listed('20240401'), 'last-2')
    expect(steps(d, adopted({ ...single, meta: d.meta }), { hide: true })).toEqual([
      'hide Flatcar 20240416',
      'hide Flatcar 20240408',
    ])
  })

  it('keep: true on the definition keeps every build', () => {
    const d = { ...withValidity(single, 'last-1'), keep: true }
    expect(steps(d, adopted(d), { delete: true, confirmDelete: true })).toEqual([])
  })

  it('says why a build leaves', () => {
    const d = withValidity(single, '2024-01-01')
    const p = plan([d], adopted(d), options({ hide: true }))
    expect(p.definitions[0]?.retention[0]).toMatchObject({
      action: 'hide',
      image: { name: 'Flatcar 20240416' },
      reason: 'outside the retention window (uuid_validity expired on 2024-01-01)',
    })
  })
})
