// Metadata on rotation: what a multi build gets once a newer build takes its name.
import { describe, expect, it } from 'vitest'
import { plan } from '../../../src/plan/plan.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import type { Plan, Step, UpdateStep } from '../../../src/plan/types.js'
import type { Definition } from '../../../src/definitions/types.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

const SCS = { meta: { os_purpose: 'oldgeneric' }, hidden: true }

const generic = (extra: Partial<Definition> = {}): Definition =>
  definition({ meta: { ...definition().meta, os_purpose: 'generic' }, ...extra })
const newer = (def: Definition, ...versions: string[]): Definition => ({
  ...def,
  versions: [...def.versions, ...versions.map((v) => version(v))],
})

const steps = (p: Plan): Step[] => p.definitions.flatMap((d) => [...d.steps, ...d.retention])
const brief = (p: Plan): string[] =>
  steps(p).map((s) =>
    s.action === 'rename'
      ? `rename ${s.image.name} -> ${s.to}`
      : s.action === 'update'
        ? `update ${s.image.name}: ${s.changes
            .map((c) =>
              c.field === 'property' ? `${c.key}=${c.to}` : `${c.field}=${String(c.to)}`,
            )
            .join(' ')}`
        : `${s.action} ${s.image.name}`,
  )

describe('plan: rotated settings', () => {
  it('without them a rotation leaves both builds generic and visible (drop-in)', () => {
    const before = generic()
    const p = plan([newer(before, '20240430')], adopted(before), options())
    expect(brief(p)).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
    ])
  })

  it('the catalog-wide default: the build that steps aside becomes oldgeneric and hidden, after its rename', () => {
    const before = generic()
    const images = adopted(before)
    // The older build was rotated before the option was used: drift, repaired too.
    const p = plan([newer(before, '20240430')], images, options({ rotated: SCS }))
    expect(brief(p)).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'update Ubuntu 24.04 (20240416): os_purpose=oldgeneric os_hidden=true',
      'update Ubuntu 24.04: os_purpose=oldgeneric os_hidden=true',
    ])
    const update = steps(p)[4] as UpdateStep
    expect(update.image.id).toBe(images[1]?.id)
    expect(update.changes).toEqual([
      { field: 'property', key: 'os_purpose', from: 'generic', to: 'oldgeneric' },
      { field: 'os_hidden', from: false, to: true },
    ])
    expect(update.reason).toMatch(/replaced by a newer build of 'Ubuntu 24.04'/)
    // The new build is created visible and generic.
    const create = steps(p)[0]
    expect(create).toMatchObject({
      action: 'import',
      create: { properties: { os_purpose: 'generic' }, os_hidden: false },
    })
  })

  it('a rotated cloud plans nothing more (convergence)', () => {
    const before = generic()
    const after = newer(before, '20240430')
    const images = adopted(after).map((i) =>
      i.name === 'Ubuntu 24.04'
        ? i
        : { ...i, os_hidden: true, properties: { ...i.properties, os_purpose: 'oldgeneric' } },
    )
    expect(brief(plan([after], images, options({ rotated: SCS })))).toEqual([])
  })

  it('a fresh catalog creates the older builds already rotated', () => {
    const p = plan([generic()], [], options({ rotated: SCS }))
    expect(
      steps(p).flatMap((s) =>
        s.action === 'import'
          ? [`${s.create.name} ${s.create.properties.os_purpose} ${s.create.os_hidden}`]
          : [],
      ),
    ).toEqual(['Ubuntu 24.04 (20240416) oldgeneric true', 'Ubuntu 24.04 (20240422) generic false'])
  })

  it("the definition's own rotated replaces the default; rotated: {} opts out", () => {
    const own = generic({ rotated: { meta: { os_purpose: 'custom', note: 'old' } } })
    const out = generic({ name: 'Debian 12', rotated: { meta: {} } })
    const p = plan([own, out], [...adopted(own), ...adopted(out)], options({ rotated: SCS }))
    expect(brief(p)).toEqual(['update Ubuntu 24.04 (20240416): os_purpose=custom note=old'])
  })

  it('a build still importing does not take the name: the current one keeps its settings', () => {
    const before = generic()
    const after = newer(before, '20240430')
    const importing = { ...(adopted(after)[2] as CloudImage), name: 'Ubuntu 24.04 (20240430)' }
    const images = [
      ...adopted(before),
      { ...importing, status: 'importing', updated_at: '2024-05-31T23:59:00Z' },
    ]
    const p = plan([after], images, options({ rotated: SCS }))
    expect(brief(p).filter((l) => l.includes('Ubuntu 24.04:'))).toEqual([])
    expect(brief(p)).toEqual([
      'update Ubuntu 24.04 (20240416): os_purpose=oldgeneric os_hidden=true',
    ])
  })

  it('a newest version dropped from the list: the older build takes the name back, visible and generic again', () => {
    const before = generic()
    const after = newer(before, '20240430')
    const images = adopted(after).map((i) =>
      i.name === 'Ubuntu 24.04'
        ? i
        : { ...i, os_hidden: true, properties: { ...i.properties, os_purpose: 'oldgeneric' } },
    )
    const p = plan([before], images, options({ rotated: SCS }))
    expect(brief(p)).toEqual([
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 (20240422) -> Ubuntu 24.04',
      'update Ubuntu 24.04 (20240422): os_purpose=generic os_hidden=false',
      // No longer listed: only the rotation settings are its business.
      'update Ubuntu 24.04: os_purpose=oldgeneric os_hidden=true',
    ])
  })

  it('a build whose version left the list gets only the rotation settings, not the definition', () => {
    const before = generic({ versions: [version('20240401'), version('20240416')] })
    const images = adopted(before).map((i) => ({
      ...i,
      properties: { ...i.properties, image_build_date: '2024-01-01', custom_key: 'x' },
    }))
    const after = generic({ versions: [version('20240416'), version('20240422')] })
    const p = plan([after], images, options({ rotated: SCS }))
    const update = steps(p).find(
      (s): s is UpdateStep => s.action === 'update' && s.image.name === 'Ubuntu 24.04 (20240401)',
    )
    expect(update?.changes).toEqual([
      { field: 'property', key: 'os_purpose', from: 'generic', to: 'oldgeneric' },
      { field: 'os_hidden', from: false, to: true },
    ])
  })

  it('builds retention deletes are not updated first', () => {
    const before = generic({
      meta: { ...generic().meta, uuid_validity: 'last-1' },
      versions: [version('20240416'), version('20240422')],
    })
    const images = adopted(before)
    const p = plan(
      [newer(before, '20240430')],
      images,
      options({ rotated: SCS, delete: true, confirmDelete: true }),
    )
    expect(brief(p)).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'delete Ubuntu 24.04 (20240422)',
      'delete Ubuntu 24.04 (20240416)',
    ])
  })

  it("a version's own hidden wins over the rotated hidden", () => {
    const def = generic({ versions: [version('20240416', { hidden: false }), version('20240422')] })
    expect(brief(plan([def], adopted(def), options({ rotated: SCS })))).toEqual([
      'update Ubuntu 24.04 (20240416): os_purpose=oldgeneric',
    ])
  })

  it('meta only: os_hidden is left alone', () => {
    const def = generic()
    const p = plan(
      [def],
      adopted(def),
      options({ rotated: { meta: { os_purpose: 'oldgeneric' } } }),
    )
    expect(brief(p)).toEqual(['update Ubuntu 24.04 (20240416): os_purpose=oldgeneric'])
  })

  it('non-multi definitions are never rotated', () => {
    const def = generic({ name: 'Cirros', multi: false })
    expect(brief(plan([def], adopted(def), options({ rotated: SCS })))).toEqual([])
  })
})
