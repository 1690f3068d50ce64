// The catalog-wide plan (docs/behaviour.md §2-7): what it says about itself
// (summary, skips, orphans, findings) and which build ends where when
// retention, rotation and a dropped newest build meet.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { plan } from '../../../src/plan/plan.js'
import { PLAN_FORMAT_VERSION, type Plan, type Step } from '../../../src/plan/types.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

const stepsOf = (p: Plan): Step[] => p.definitions.flatMap((d) => [...d.steps, ...d.retention])
const brief = (p: Plan): string[] =>
  stepsOf(p).map((s) =>
    s.action === 'rename'
      ? `rename ${s.image.name} -> ${s.to}`
      : s.action === 'update'
        ? `update ${s.image.name}: ${s.changes.map((c) => (c.field === 'property' ? c.key : c.field)).join(' ')}`
        : `${s.action} ${s.image.name}`,
  )
const withValidity = (validity: string, versions: string[], extra: Partial<Definition> = {}) =>
  definition({
    meta: { ...definition().meta, uuid_validity: validity },
    versions: versions.map((v) => version(v)),
    ...extra,
  })
const byName = (images: readonly CloudImage[], name: string): CloudImage =>
  images.find((i) => i.name === name)!

describe('plan: what the plan says about itself', () => {
  it('records the format, the time and the cloud it was made for', () => {
    const now = new Date('2024-06-01T12:34:56Z')
    const p = plan([], [], options({ now, cloud: 'prod' }))
    expect(p).toStrictEqual({
      formatVersion: PLAN_FORMAT_VERSION,
      generatedAt: '2024-06-01T12:34:56.000Z',
      cloud: 'prod',
      definitions: [],
      orphans: [],
      findings: [],
      summary: {
        import: 0,
        rename: 0,
        update: 0,
        deactivate: 0,
        reactivate: 0,
        hide: 0,
        delete: 0,
        unchanged: 0,
        skipped: 0,
      },
    })
    expect(plan([], [], options())).not.toHaveProperty('cloud')
  })

  it('each definition says where it is written; only a skipped one has a skip reason', () => {
    const def = definition({ position: { file: 'etc/images/u.yml', line: 7, column: 3 } })
    const off = definition({ name: 'Off', enable: false })
    const p = plan([def, off], adopted(def), options())
    expect(p.definitions).toStrictEqual([
      {
        name: 'Ubuntu 24.04',
        file: 'etc/images/u.yml',
        line: 7,
        steps: [],
        retention: [],
        notes: [],
      },
      {
        name: 'Off',
        file: 'etc/images/ubuntu.yml',
        line: 2,
        skipped: 'enable: false (use --force to include it)',
        steps: [],
        retention: [],
        notes: [],
      },
    ])
  })

  it('counts every step by action, the unchanged and the skipped definitions', () => {
    const same = definition({ name: 'Same' })
    const fresh = definition({ name: 'Fresh' })
    const old = withValidity('last-1', ['20240416', '20240422'], { name: 'Old' })
    const off = definition({ name: 'Off', enable: false })
    const outside = definition({ name: 'Elsewhere' })
    const unreadable = definition({ name: 'Broken' })
    const twin = definition({ name: 'Twin' })
    const twins = adopted(twin)
    const images = [...adopted(same), ...adopted(old), ...twins, { ...twins[1]!, id: 'twin-2' }]
    const p = plan([same, fresh, old, off, outside, unreadable, twin], images, {
      ...options({ hide: true, filter: '^(?!Elsewhere)' }),
      latestErrors: new Map([['Broken', 'HTTP 404']]),
    })
    expect(p.summary).toStrictEqual({
      import: 2,
      rename: 1,
      update: 0,
      deactivate: 0,
      reactivate: 0,
      hide: 1,
      delete: 0,
      unchanged: 1,
      skipped: 4,
    })
    expect(p.definitions.map((d) => d.skipped)).toEqual([
      undefined,
      undefined,
      undefined,
      'enable: false (use --force to include it)',
      'outside the filter /^(?!Elsewhere)/',
      'latest upstream unreadable: HTTP 404',
      expect.stringMatching(/^2 managed images are named 'Twin'/),
    ])
  })

  it('a definition with as many steps as retention steps is not unchanged', () => {
    const def = withValidity('last-1', ['20240416', '20240422'])
    const images = adopted(def)
    images[1] = { ...images[1]!, min_ram: 1 }
    const p = plan([def], images, options({ hide: true }))
    expect(p.definitions[0]!.steps).toHaveLength(1)
    expect(p.definitions[0]!.retention).toHaveLength(1)
    expect(p.summary).toMatchObject({ update: 1, hide: 1, unchanged: 0 })
  })

  it('a forced disabled definition is planned; an enabled one needs no force', () => {
    const off = definition({ enable: false })
    const forced = plan([off], [], options({ force: true }))
    expect(forced.definitions[0]).not.toHaveProperty('skipped')
    expect(forced.summary).toMatchObject({ import: 2, rename: 1, skipped: 0 })
    expect(plan([definition()], [], options({ force: true })).summary.skipped).toBe(0)
  })
})

describe('plan: --filter', () => {
  it('reports only the orphans whose name the filter matches', () => {
    const gone = adopted(definition({ name: 'CentOS 7' }))
    const p = plan([definition()], [...adopted(definition()), ...gone], options({ filter: '\\(' }))
    expect(p.orphans.map((o) => o.name)).toEqual(['CentOS 7 (20240416)'])
    expect(p.orphans[0]).toStrictEqual({ id: gone[0]!.id, name: 'CentOS 7 (20240416)' })
  })

  it('check-age looks only at the definitions the filter matches', () => {
    const ubuntu = definition({ versions: [version('20240101'), version('20240422')] })
    const debian = definition({
      name: 'Debian 12',
      versions: [version('20240101'), version('20240422')],
    })
    const images = [...adopted(ubuntu), ...adopted(debian)]
    const all = plan([ubuntu, debian], images, options({ maxAgeDays: 90 }))
    expect(all.findings.map((f) => f.image?.name)).toEqual([
      'Ubuntu 24.04 (20240101)',
      'Debian 12 (20240101)',
    ])
    const some = plan([ubuntu, debian], images, options({ maxAgeDays: 90, filter: '^Debian' }))
    expect(some.findings.map((f) => f.image?.name)).toEqual(['Debian 12 (20240101)'])
    expect(plan([ubuntu], images.slice(0, 2), options()).findings).toEqual([])
  })
})

describe('plan: imports', () => {
  it('an import from a mirror falls back to the url; without a mirror there is no fallback', () => {
    const def = definition({
      multi: false,
      versions: [
        version('1', { mirror_url: 'https://mirror.example.test/1.img' }),
        version('2', { mirror_url: 'https://cloud-images.example.test/2/image.img' }),
        version('3'),
      ],
    })
    const steps = stepsOf(plan([def], [], options()))
    expect(steps[0]).toMatchObject({
      source: 'https://mirror.example.test/1.img',
      fallback: 'https://cloud-images.example.test/1/image.img',
    })
    expect(steps[1]).toMatchObject({ source: 'https://cloud-images.example.test/2/image.img' })
    expect(steps[1]).not.toHaveProperty('fallback')
    expect(steps[2]).not.toHaveProperty('fallback')
  })

  it('warns about a public image imported without a verified checksum, not a private or verified one', () => {
    const def = definition({
      multi: false,
      versions: [
        version('1'),
        version('2', { checksum: 'sha256:' + 'a'.repeat(64) }),
        version('3', { visibility: 'private' }),
      ],
    })
    const p = plan([def], [], options())
    expect(p.findings).toStrictEqual([
      { image: { name: 'Ubuntu 24.04 1' }, message: 'imported public, unverified (no checksum)' },
    ])
    const unchecked = plan([{ ...def, verify: 'none' }], [], options())
    expect(unchecked.findings.map((f) => f.message)).toEqual([
      'imported public, unverified (no checksum)',
      'imported public, unverified (verify: none)',
    ])
  })
})

describe('plan: retention with rotation', () => {
  it('last-1 with the newest build dropped: the build before it takes the plain name back and stays', () => {
    const listed = withValidity('last-1', ['20240416', '20240422'])
    const withNewest = withValidity('last-1', ['20240416', '20240422', '20240430'])
    const images = adopted(withNewest)
    const p = plan([listed], images, options({ hide: true }))
    const holder = byName(images, 'Ubuntu 24.04 (20240422)')
    const dropped = byName(images, 'Ubuntu 24.04')
    const oldest = byName(images, 'Ubuntu 24.04 (20240416)')
    expect(stepsOf(p).map((s) => [s.action, s.image.id, 'to' in s ? s.to : ''])).toEqual([
      ['rename', dropped.id, 'Ubuntu 24.04 (20240430)'],
      ['rename', holder.id, 'Ubuntu 24.04'],
      ['hide', dropped.id, ''],
      ['hide', oldest.id, ''],
    ])
  })

  it('rotated settings and retention: the build that steps aside gets the settings, then leaves the window', () => {
    const rotated = { meta: { os_purpose: 'oldgeneric' }, hidden: true }
    const before = withValidity('last-1', ['20240422'])
    const after = withValidity('last-1', ['20240422', '20240430'])
    const images = adopted(before)
    const p = plan([after], images, options({ hide: true, rotated }))
    expect(brief(p)).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'update Ubuntu 24.04: os_purpose os_hidden',
      'hide Ubuntu 24.04 (20240422)',
    ])
    expect(stepsOf(p)[3]!.image.id).toBe(images[0]!.id)
    expect(stepsOf(p)[4]!.image.id).toBe(images[0]!.id)
    const imported = stepsOf(p)[0]!
    expect(imported).toMatchObject({ create: { os_hidden: false } })
  })

  it('rotated settings inside the window: the stepped-aside build is rotated, the holder is not', () => {
    const rotated = { meta: { os_purpose: 'oldgeneric' }, hidden: true }
    const before = withValidity('last-2', ['20240422'])
    const after = withValidity('last-2', ['20240422', '20240430'])
    const images = adopted(before)
    const p = plan([after], images, options({ hide: true, rotated }))
    expect(brief(p)).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'update Ubuntu 24.04: os_purpose os_hidden',
    ])
    expect(stepsOf(p)[3]!.image.id).toBe(images[0]!.id)
  })

  it('a date window counts from the plan time', () => {
    const d = withValidity('2024-07-01', ['20240416', '20240422'])
    const images = adopted(d)
    expect(brief(plan([d], images, options({ hide: true })))).toEqual([])
    const later = options({ hide: true, now: new Date('2024-07-02T00:00:00Z') })
    expect(brief(plan([d], images, later))).toEqual(['hide Ubuntu 24.04 (20240416)'])
  })
})

describe('plan: non-multi definitions never hold a plain name', () => {
  it('an image under the bare definition name is not taken for the current build', () => {
    const def = definition({ multi: false })
    const images = adopted(def)
    const bare = { ...images[1]!, id: 'bare', name: 'Ubuntu 24.04' }
    const p = plan([def], [images[0]!, bare], options())
    expect(brief(p)).toEqual(['import Ubuntu 24.04 20240422'])
  })
})
