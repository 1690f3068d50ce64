// What a definition asks of Glance (docs/behaviour.md §2, §3): the exact
// properties, tags, names and sources of every build, and the rotation settings.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import {
  asHolder,
  asRotated,
  desireDefinition,
  desiredTags,
  glanceValue,
  rotationOf,
  type DesiredImage,
} from '../../../src/plan/desire.js'
import { definition, version } from '../../support/definitions.js'

const TAG = 'managed_by_osism'
const desire = (def: Definition, extra = {}): DesiredImage[] =>
  desireDefinition(def, { tag: TAG, useOsHidden: false, ...extra })

describe('desire: Glance property values', () => {
  it('are written as the old tool wrote them', () => {
    expect(glanceValue(true)).toBe('True')
    expect(glanceValue(false)).toBe('False')
    expect(glanceValue(22.1)).toBe('22.1')
    expect(glanceValue(0)).toBe('0')
    expect(glanceValue('')).toBe('')
    expect(glanceValue('text')).toBe('text')
    expect(glanceValue(null)).toBeUndefined()
    expect(glanceValue(undefined as unknown as null)).toBeUndefined()
  })
})

describe('desire: properties of a build', () => {
  it('a multi build: every property the old tool set, and nothing else', () => {
    const def = definition({ meta: { ...definition().meta, hw_watchdog_action: null } })
    const [, newest] = desire(def)
    expect(newest!.properties).toStrictEqual({
      image_description: 'Ubuntu 24.04',
      image_name: 'Ubuntu 24.04',
      architecture: 'x86_64',
      hw_disk_bus: 'scsi',
      hw_rng_model: 'virtio',
      os_distro: 'ubuntu',
      os_version: '24.04',
      uuid_validity: 'last-3',
      internal_version: '20240422',
      image_original_user: 'ubuntu',
      image_source: 'https://cloud-images.example.test/20240422/image.img',
      image_build_date: '2024-04-22',
    })
  })

  it("a version's own values win over the definition's", () => {
    const def = definition({
      meta: { ...definition().meta, image_description: 'Noble', hw_rng_model: 'virtio' },
      versions: [
        version('20240422', {
          image_description: 'Noble (April)',
          os_version: '24.04.1',
          meta: { hw_rng_model: 'none', extra: 3, gone: null },
        }),
      ],
    })
    const [only] = desire(def)
    expect(only!.properties).toMatchObject({
      image_description: 'Noble (April)',
      image_name: 'Ubuntu 24.04',
      hw_rng_model: 'none',
      extra: '3',
      os_version: '24.04.1',
    })
    expect(only!.properties).not.toHaveProperty('gone')
  })

  it('a multi version without os_version keeps the definition os_version; non-multi records its version', () => {
    const def = definition({ versions: [version('20240422', { build_date: undefined })] })
    expect(desire(def)[0]!.properties.os_version).toBe('24.04')
    expect(desire(def)[0]!.properties).not.toHaveProperty('image_build_date')
    const flat = definition({ multi: false, versions: [version('20240422', { os_version: 'x' })] })
    expect(desire(flat)[0]!.properties.os_version).toBe('20240422')
  })

  it('a local file is recorded by its base name only; other urls as they are', () => {
    const def = definition({
      multi: false,
      versions: [
        version('1', { url: 'file:/srv/images/build/a.qcow2' }),
        version('2', { url: 'file:b.qcow2' }),
        version('3', { url: 'https://example.test/file:/c.qcow2' }),
      ],
    })
    expect(desire(def).map((d) => d.properties.image_source)).toEqual([
      'file:a.qcow2',
      'file:b.qcow2',
      'https://example.test/file:/c.qcow2',
    ])
  })

  it('a resolved latest records its upstream checksum and the version it resolved to', () => {
    const def = definition({ versions: [version('latest')] })
    const latest = new Map([
      [def.name, { internalVersion: '20240601', upstreamChecksum: 'A'.repeat(64) }],
    ])
    const [only] = desire(def, { latest })
    expect(only!.internalVersion).toBe('20240601')
    expect(only!.importName).toBe('Ubuntu 24.04 (20240601)')
    expect(only!.properties).toMatchObject({
      internal_version: '20240601',
      upstream_checksum: 'A'.repeat(64),
    })
    expect(only!.checksum).toBe('sha256:' + 'a'.repeat(64))
    const [unresolved] = desire(def)
    expect(unresolved!.internalVersion).toBe('latest')
    expect(unresolved!.properties).not.toHaveProperty('upstream_checksum')
    expect(unresolved).not.toHaveProperty('checksum')
  })

  it('a version named like latest info of another definition takes nothing from it', () => {
    const def = definition({ versions: [version('20240422')] })
    const latest = new Map([[def.name, { internalVersion: 'X', upstreamChecksum: 'a'.repeat(64) }]])
    const [only] = desire(def, { latest })
    expect(only!.internalVersion).toBe('20240422')
    expect(only).not.toHaveProperty('checksum')
  })
})

describe('desire: the checksum of a latest build', () => {
  const checksumOf = (upstream: string, own?: string) => {
    const def = definition({ versions: [version('latest', own ? { checksum: own } : {})] })
    const latest = new Map([
      [def.name, { internalVersion: '20240601', upstreamChecksum: upstream }],
    ])
    return desire(def, { latest })[0]!.checksum
  }

  it('takes the algorithm from the digest length', () => {
    expect(checksumOf('a'.repeat(32))).toBe('md5:' + 'a'.repeat(32))
    expect(checksumOf('b'.repeat(40))).toBe('sha1:' + 'b'.repeat(40))
    expect(checksumOf('0'.repeat(64))).toBe('sha256:' + '0'.repeat(64))
    expect(checksumOf('F'.repeat(128))).toBe('sha512:' + 'f'.repeat(128))
  })

  it('a digest of another length or with a non-hex character is not a checksum', () => {
    expect(checksumOf('a'.repeat(63))).toBeUndefined()
    expect(checksumOf('g' + 'a'.repeat(63))).toBeUndefined()
    expect(checksumOf('a'.repeat(63) + 'g')).toBeUndefined()
    expect(checksumOf('')).toBeUndefined()
  })

  it("the version's own checksum wins", () => {
    expect(checksumOf('a'.repeat(64), 'sha512:' + 'c'.repeat(128))).toBe(
      'sha512:' + 'c'.repeat(128),
    )
  })
})

describe('desire: tags', () => {
  it('the managed tag, the definition tags and os:<distro>, sorted, once each', () => {
    const def = definition({ tags: ['zeta', TAG, 'alpha'] })
    expect(desiredTags(def, TAG)).toEqual(['alpha', TAG, 'os:ubuntu', 'zeta'])
  })

  it('no os: tag without os_distro', () => {
    const meta = Object.fromEntries(
      Object.entries(definition().meta).filter(([k]) => k !== 'os_distro'),
    )
    expect(desiredTags(definition({ meta }), 'm')).toEqual(['m'])
    expect(desiredTags(definition({ meta: { ...meta, os_distro: null } }), 'm')).toEqual(['m'])
  })
})

describe('desire: names, sources and state of each build', () => {
  it('multi: only the newest is newest; older builds are imported under their dated name too', () => {
    const all = desire(
      definition({ versions: [version('20240401'), version('20240416'), version('20240422')] }),
    )
    expect(all.map((d) => [d.name, d.importName, d.newest])).toEqual([
      ['Ubuntu 24.04 (20240401)', 'Ubuntu 24.04 (20240401)', false],
      ['Ubuntu 24.04 (20240416)', 'Ubuntu 24.04 (20240416)', false],
      ['Ubuntu 24.04', 'Ubuntu 24.04 (20240422)', true],
    ])
  })

  it('non-multi: imported under its final name', () => {
    const all = desire(definition({ multi: false }))
    expect(all.map((d) => [d.name, d.importName, d.newest])).toEqual([
      ['Ubuntu 24.04 20240416', 'Ubuntu 24.04 20240416', false],
      ['Ubuntu 24.04 20240422', 'Ubuntu 24.04 20240422', true],
    ])
  })

  it('carries format, sizes, visibility, status, id; a version visibility wins', () => {
    const def = definition({
      format: 'raw',
      min_disk: 3,
      min_ram: 4,
      status: 'deactivated',
      versions: [version('1', { visibility: 'community', id: 'abc' }), version('2')],
    })
    const [first, second] = desire(def)
    expect(first).toMatchObject({
      diskFormat: 'raw',
      minDisk: 3,
      minRam: 4,
      visibility: 'community',
      status: 'deactivated',
      id: 'abc',
      tags: [TAG, 'os:ubuntu'],
    })
    expect(second!.visibility).toBe('public')
    expect(second).not.toHaveProperty('id')
    expect(second).not.toHaveProperty('osHidden')
  })

  it('the mirror is the source and the url its fallback; the same url twice has no fallback', () => {
    const def = definition({
      multi: false,
      versions: [
        version('1', { mirror_url: 'https://mirror.example.test/1.img' }),
        version('2', { mirror_url: 'https://cloud-images.example.test/2/image.img' }),
        version('3'),
      ],
    })
    const [one, two, three] = desire(def)
    expect(one).toMatchObject({
      sourceUrl: 'https://mirror.example.test/1.img',
      fallbackUrl: 'https://cloud-images.example.test/1/image.img',
    })
    expect(two!.sourceUrl).toBe('https://cloud-images.example.test/2/image.img')
    expect(two).not.toHaveProperty('fallbackUrl')
    expect(three!.sourceUrl).toBe('https://cloud-images.example.test/3/image.img')
    expect(three).not.toHaveProperty('fallbackUrl')
  })

  it('use-os-hidden hides all but the newest; a version hidden flag wins', () => {
    const def = definition({
      versions: [
        version('1'),
        version('2', { hidden: false }),
        version('3'),
        version('4', { hidden: true }),
      ],
    })
    expect(desire(def, { useOsHidden: true }).map((d) => d.osHidden)).toEqual([
      true,
      false,
      true,
      true,
    ])
    expect(desire(def).map((d) => 'osHidden' in d)).toEqual([false, false, false, false])
  })
})

describe('desire: rotation settings', () => {
  const multi = definition()

  it('none for non-multi definitions or when nothing is set', () => {
    const rotated = { meta: { os_purpose: 'old' }, hidden: true }
    expect(rotationOf(definition({ multi: false, rotated }))).toBeUndefined()
    expect(rotationOf(definition({ multi: false }), rotated)).toBeUndefined()
    expect(rotationOf(multi)).toBeUndefined()
    expect(rotationOf(multi, { meta: {} })).toBeUndefined()
    expect(rotationOf(multi, { meta: { a: null } })).toBeUndefined()
  })

  it("the definition's own settings replace the default; values as Glance stores them", () => {
    const own = { meta: { os_purpose: 'own', keep: true, gone: null } }
    expect(
      rotationOf({ ...multi, rotated: own }, { meta: { x: '1' }, hidden: true }),
    ).toStrictEqual({
      properties: { os_purpose: 'own', keep: 'True' },
    })
    expect(rotationOf(multi, { meta: {}, hidden: false })).toStrictEqual({
      properties: {},
      hidden: false,
    })
    expect(rotationOf(multi, { meta: { a: 1 } })).toStrictEqual({ properties: { a: '1' } })
  })

  it('a rotated build gets the settings; its own hidden flag wins', () => {
    const [older, newest] = desire(
      definition({ versions: [version('1', { hidden: false }), version('2')] }),
    )
    const rotation = { properties: { hw_rng_model: 'none', x: 'y' }, hidden: true }
    const out = asRotated(newest!, rotation)
    expect(out.properties).toMatchObject({ hw_rng_model: 'none', x: 'y', os_distro: 'ubuntu' })
    expect(out.osHidden).toBe(true)
    expect(newest!.properties.hw_rng_model).toBe('virtio')
    expect(asRotated(older!, rotation).osHidden).toBe(false)
    expect(asRotated(newest!, { properties: {} })).not.toHaveProperty('osHidden')
  })

  it('the holder of the name is visible when rotation hides, untouched otherwise', () => {
    const [older, newest] = desire(
      definition({ versions: [version('1', { hidden: true }), version('2')] }),
    )
    expect(asHolder(newest!, { properties: {}, hidden: true }).osHidden).toBe(false)
    expect(asHolder(older!, { properties: {}, hidden: true }).osHidden).toBe(true)
    expect(asHolder(newest!, { properties: { a: 'b' } })).toBe(newest)
  })
})
