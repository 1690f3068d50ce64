// Each scs-0102 v2 rule with the edge cases the standard names.
import { describe, expect, it } from 'vitest'
import {
  checkImages,
  parseDate,
  recency,
  uniqueness,
  type RuleResult,
  type ScsImage,
} from '../../../src/scs/rules.js'

const NOW = Date.parse('2025-06-15T12:00:00Z') / 1000
const GiB = 2 ** 30

/** An image that passes every rule. */
function image(
  name: string,
  extra: Partial<ScsImage> = {},
  props: Record<string, string> = {},
): ScsImage {
  return {
    id: `id-${name}`,
    name,
    visibility: 'public',
    os_hidden: false,
    min_disk: 8,
    min_ram: 512,
    size: 3 * GiB,
    created_at: '2025-06-10T08:00:00Z',
    os_hash_algo: 'sha512',
    ...extra,
    properties: {
      architecture: 'x86_64',
      hw_disk_bus: 'scsi',
      os_distro: 'ubuntu',
      os_version: '24.04',
      os_purpose: 'generic',
      image_build_date: '2025-06-09',
      image_original_user: 'ubuntu',
      image_source: 'https://cloud-images.ubuntu.com/noble/current/noble.img',
      image_description: 'https://ubuntu.com/cloud',
      replace_frequency: 'monthly',
      provided_until: '2029-04-30',
      uuid_validity: 'last-3',
      ...props,
    },
  }
}

const rule = (id: string, images: ScsImage[]): RuleResult => {
  const r = checkImages(images, NOW).find((x) => x.id === id)
  if (!r) throw new Error(`no rule ${id}`)
  return r
}
const failing = (id: string, images: ScsImage[]): string[] =>
  rule(id, images).offenders.map((o) => o.name)

describe('scs-0102 rules: a conforming image', () => {
  it('passes all seventeen mandatory rules of v2', () => {
    const results = checkImages([image('Ubuntu 24.04')], NOW)
    expect(results.map((r) => r.id)).toEqual([
      'scs-0102-prop-architecture',
      'scs-0102-prop-hash_algo',
      'scs-0102-prop-min_disk',
      'scs-0102-prop-min_ram',
      'scs-0102-prop-os_version',
      'scs-0102-prop-os_distro',
      'scs-0102-prop-os_purpose',
      'scs-0102-prop-hw_disk_bus',
      'scs-0102-prop-image_build_date',
      'scs-0102-prop-image_original_user',
      'scs-0102-prop-image_source',
      'scs-0102-prop-image_description',
      'scs-0102-prop-replace_frequency',
      'scs-0102-prop-provided_until',
      'scs-0102-prop-uuid_validity',
      'scs-0102-image-recency',
      'scs-0102-os_purpose-uniqueness',
    ])
    expect(results.flatMap((r) => [...r.offenders, ...r.warnings])).toEqual([])
  })
})

describe('scs-0102 rules: properties', () => {
  it.each([
    ['scs-0102-prop-architecture', { architecture: 'amd64' }],
    ['scs-0102-prop-os_version', { os_version: '' }],
    ['scs-0102-prop-os_distro', { os_distro: '' }],
    ['scs-0102-prop-os_purpose', { os_purpose: 'general' }],
    ['scs-0102-prop-hw_disk_bus', { hw_disk_bus: 'ide' }],
    ['scs-0102-prop-image_original_user', { image_original_user: '' }],
    ['scs-0102-prop-image_source', { image_source: 'file:noble.img' }],
    ['scs-0102-prop-image_source', { image_source: 'cloud-images.ubuntu.com' }],
    ['scs-0102-prop-image_description', { image_description: '' }],
    ['scs-0102-prop-replace_frequency', { replace_frequency: 'sometimes' }],
    ['scs-0102-prop-provided_until', { provided_until: 'forever' }],
    ['scs-0102-prop-provided_until', { provided_until: '2029-02-30' }],
    ['scs-0102-prop-uuid_validity', { uuid_validity: 'last-x' }],
    ['scs-0102-prop-uuid_validity', { uuid_validity: 'always' }],
  ])('%s fails on %j', (id, props) => {
    expect(failing(id, [image('Bad', {}, props), image('Good')])).toEqual(['Bad'])
  })

  it.each([
    ['md5', { os_hash_algo: 'md5' }],
    ['sha384', { os_hash_algo: 'sha384' }],
    ['none (no data uploaded)', { os_hash_algo: null }],
  ])('scs-0102-prop-hash_algo fails on %s', (_, extra) => {
    const r = rule('scs-0102-prop-hash_algo', [image('Bad', extra), image('Good')])
    expect(r.offenders.map((o) => o.name)).toEqual(['Bad'])
    expect(r.offenders[0]?.why).toContain('sha256, sha512')
  })

  it('scs-0102-prop-hash_algo: sha256 passes; a planned image (no id, no data yet) is not judged', () => {
    const planned = { ...image('Planned'), id: undefined, os_hash_algo: undefined }
    // Created but not filled yet (queued): Glance hashes data, and there is none.
    const queued = image('Queued', { size: null, os_hash_algo: null })
    expect(
      failing('scs-0102-prop-hash_algo', [image('A', { os_hash_algo: 'sha256' }), planned, queued]),
    ).toEqual([])
  })

  it.each(['generic', 'oldgeneric', 'minimal', 'k8snode', 'gpu', 'network', 'custom'])(
    'os_purpose %s is allowed',
    (purpose) => {
      expect(
        failing('scs-0102-prop-os_purpose', [image('X', {}, { os_purpose: purpose })]),
      ).toEqual([])
    },
  )

  it('a missing mandatory property fails and says so', () => {
    const bare = { ...image('Bare'), properties: {} }
    const results = checkImages([bare], NOW)
    const failed = results.filter((r) => r.offenders.length).map((r) => r.id)
    expect(failed).toContain('scs-0102-prop-os_purpose')
    expect(failed).toContain('scs-0102-prop-uuid_validity')
    expect(failed).not.toContain('scs-0102-prop-hw_disk_bus') // unset is allowed
    expect(rule('scs-0102-prop-provided_until', [bare]).offenders[0]?.why).toBe(
      'provided_until is not set',
    )
  })

  it.each(['none', 'notice', 'forever', 'last-1', 'last-12', '2030-01-01'])(
    'uuid_validity %s is valid',
    (value) => {
      expect(
        failing('scs-0102-prop-uuid_validity', [image('X', {}, { uuid_validity: value })]),
      ).toEqual([])
    },
  )

  it.each(['none', 'notice', '2029-04-30'])('provided_until %s is valid', (value) => {
    expect(
      failing('scs-0102-prop-provided_until', [image('X', {}, { provided_until: value })]),
    ).toEqual([])
  })

  it('image_source may be private, or an http(s)/ftp(s) url', () => {
    for (const source of ['private', 'http://a.test/x', 'ftp://a.test/x', 'ftps://a.test/x'])
      expect(
        failing('scs-0102-prop-image_source', [image('X', {}, { image_source: source })]),
      ).toEqual([])
  })

  it('min_disk must be set and hold the image', () => {
    expect(failing('scs-0102-prop-min_disk', [image('Zero', { min_disk: 0 })])).toEqual(['Zero'])
    expect(
      failing('scs-0102-prop-min_disk', [image('Small', { min_disk: 2, size: 2 * GiB + 1 })]),
    ).toEqual(['Small'])
    expect(
      failing('scs-0102-prop-min_disk', [image('Exact', { min_disk: 2, size: 2 * GiB })]),
    ).toEqual([])
    // Not in the cloud yet (no size): only that it is set.
    expect(failing('scs-0102-prop-min_disk', [image('Planned', { size: null })])).toEqual([])
  })

  it('min_ram must be set; below 64 MiB is a warning', () => {
    expect(failing('scs-0102-prop-min_ram', [image('Zero', { min_ram: 0 })])).toEqual(['Zero'])
    const low = rule('scs-0102-prop-min_ram', [image('Low', { min_ram: 32 })])
    expect(low.offenders).toEqual([])
    expect(low.warnings.map((w) => w.name)).toEqual(['Low'])
  })
})

describe('scs-0102 rules: image_build_date', () => {
  const id = 'scs-0102-prop-image_build_date'
  it.each(['2025-06-09', '2025-06-10 07:59', '2025-06-10 07:59:59', '2025-06-10T07:59:59Z'])(
    '%s before the registration passes',
    (date) => {
      expect(failing(id, [image('X', {}, { image_build_date: date })])).toEqual([])
    },
  )

  it('a build time after the registration fails, also within the same day', () => {
    expect(failing(id, [image('X', {}, { image_build_date: '2025-06-10 08:00:01' })])).toEqual([
      'X',
    ])
  })

  it('a build date in the future fails, even for a catalog image not registered yet', () => {
    const planned = { ...image('Planned', {}, { image_build_date: '2025-06-16' }) }
    delete planned.created_at
    delete planned.id
    expect(failing(id, [planned])).toEqual(['Planned'])
  })

  it.each(['20250609', '2025-02-30', '2025-06-09T10:00', 'yesterday', ''])(
    '%j is no valid date',
    (date) => {
      expect(failing(id, [image('X', {}, { image_build_date: date })])).toEqual(['X'])
    },
  )

  it('parseDate reads the standard formats as UTC', () => {
    expect(parseDate('2025-06-10')).toBe(Date.parse('2025-06-10T00:00:00Z') / 1000)
    expect(parseDate('2025-06-10 08:30')).toBe(Date.parse('2025-06-10T08:30:00Z') / 1000)
    expect(parseDate('2025-06-10 08:30:15')).toBe(Date.parse('2025-06-10T08:30:15Z') / 1000)
    expect(parseDate('2025-06-10 24:00')).toBeUndefined()
    expect(parseDate('2025-06-10', true)).toBeUndefined()
  })
})

describe('scs-0102-image-recency', () => {
  const old = { image_build_date: '2025-03-01' } // monthly: outdated on 2025-06-15
  const names = (r: RuleResult) => r.offenders.map((o) => o.name)

  it('an outdated image without a replacement fails', () => {
    expect(names(recency([image('Ubuntu 24.04', {}, old)], NOW))).toEqual(['Ubuntu 24.04'])
  })

  it('a hidden outdated build with a current image under the short name passes', () => {
    const images = [image('Ubuntu 24.04 20250301', { os_hidden: true }, old), image('Ubuntu 24.04')]
    expect(recency(images, NOW).offenders).toEqual([])
    expect(recency(images, NOW).warnings).toEqual([])
  })

  it.each([
    'Ubuntu 24.04 20250301',
    'Ubuntu 24.04 2025-03-01',
    'Ubuntu 24.04 old',
    'Ubuntu 24.04 prev',
  ])('a visible build marked %j passes without a warning', (name) => {
    const r = recency([image(name, {}, old), image('Ubuntu 24.04')], NOW)
    expect([r.offenders, r.warnings]).toEqual([[], []])
  })

  it('a visible, unmarked outdated build with a replacement passes with a warning', () => {
    const r = recency([image('Ubuntu 24.04 (20250301)', {}, old), image('Ubuntu 24.04')], NOW)
    expect(r.offenders).toEqual([])
    expect(r.warnings.map((w) => w.name)).toEqual(['Ubuntu 24.04 (20250301)'])
  })

  it('a replacement that is outdated itself does not count', () => {
    const images = [
      image('Ubuntu 24.04 20250301', { os_hidden: true }, old),
      image('Ubuntu 24.04', {}, old),
    ]
    expect(names(recency(images, NOW)).sort()).toEqual(['Ubuntu 24.04', 'Ubuntu 24.04 20250301'])
  })

  it.each(['none', 'notice'])(
    'provided_until %s promises nothing: an outdated image passes',
    (until) => {
      expect(
        recency([image('Ubuntu 24.04', {}, { ...old, provided_until: until })], NOW).offenders,
      ).toEqual([])
    },
  )

  it('past provided_until nothing is promised any more', () => {
    const ended = { ...old, provided_until: '2025-05-31' }
    expect(recency([image('Ubuntu 20.04', {}, ended)], NOW).offenders).toEqual([])
  })

  it('an outdated image with an invalid provided_until fails', () => {
    const r = recency([image('Ubuntu 24.04', {}, { ...old, provided_until: 'soon' })], NOW)
    expect(r.offenders[0]?.why).toMatch(/provided_until is no valid date/)
  })

  it('never and critical_bug promise no schedule; 10% slack and build times count', () => {
    for (const f of ['never', 'critical_bug'])
      expect(recency([image('X', {}, { ...old, replace_frequency: f })], NOW).offenders).toEqual([])
    // weekly (7 * 25 h, plus 10%): built 8 days before is still current, 9 days is not.
    const weekly = (date: string) =>
      image('X', {}, { image_build_date: date, replace_frequency: 'weekly' })
    expect(recency([weekly('2025-06-07 12:00')], NOW).offenders).toEqual([])
    expect(names(recency([weekly('2025-06-06 12:00')], NOW))).toEqual(['X'])
  })

  it('without a build date the registration counts', () => {
    const noDate = image('X', { created_at: '2025-01-01T00:00:00Z' }, { image_build_date: '' })
    expect(names(recency([noDate], NOW))).toEqual(['X'])
  })
})

describe('scs-0102-os_purpose-uniqueness', () => {
  const names = (r: RuleResult) => r.offenders.map((o) => o.name)

  it('two public, visible generic images of one distribution, version and architecture fail, both named', () => {
    const r = uniqueness([image('Ubuntu 24.04'), image('Ubuntu 24.04 (20250301)')])
    expect(names(r)).toEqual(['Ubuntu 24.04', 'Ubuntu 24.04 (20250301)'])
    expect(r.offenders[0]?.why).toBe(
      "'Ubuntu 24.04', 'Ubuntu 24.04 (20250301)' are all generic for x86_64 ubuntu 24.04",
    )
  })

  it('a hidden build, a community build or an oldgeneric build does not count', () => {
    for (const other of [
      image('Old', { os_hidden: true }),
      image('Old', { visibility: 'community' }),
      image('Old', { visibility: 'private' }),
      image('Old', {}, { os_purpose: 'oldgeneric' }),
    ]) {
      expect(uniqueness([image('Ubuntu 24.04'), other]).offenders).toEqual([])
    }
  })

  it('other architectures, distributions or versions are other buckets', () => {
    const images = [
      image('A'),
      image('B', {}, { architecture: 'aarch64' }),
      image('C', {}, { os_version: '22.04' }),
      image('D', {}, { os_distro: 'debian' }),
    ]
    expect(uniqueness(images).offenders).toEqual([])
  })

  it('images without os_distro or os_version are not compared', () => {
    expect(
      uniqueness([image('A', {}, { os_version: '' }), image('B', {}, { os_version: '' })])
        .offenders,
    ).toEqual([])
  })
})
