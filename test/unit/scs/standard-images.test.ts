// scs-0104 v1 (SCS's testcases scs_0104_source_* and scs_0104_image_*, specs from the
// data file) and the draft v2, each rule broken once.
import { describe, expect, it } from 'vitest'
import { failsCheck } from '../../../src/scs/rules.js'
import type { ScsImage } from '../../../src/scs/rules.js'
import {
  SCS_0104_V1,
  checkStandardImages,
  checkStandardImagesV2,
  dueRelease,
  lookup,
} from '../../../src/scs/standard-images.js'

const UBUNTU = 'https://cloud-images.ubuntu.com/releases/noble/release-20241004/noble.img'
const DEBIAN = 'https://cloud.debian.org/images/cloud/bookworm/20241004/debian-12.qcow2'
const CAPI =
  'https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/ubuntu-2404-kube-v1.31/x.qcow2'

function image(name: string, source: string, extra: Partial<ScsImage> = {}): ScsImage {
  return {
    id: `id-${name}`,
    name,
    visibility: 'public',
    os_hidden: false,
    min_disk: 8,
    min_ram: 512,
    ...extra,
    properties: { image_source: source, ...extra.properties },
  }
}

const conformant = (): ScsImage[] => [
  image('Ubuntu 24.04', UBUNTU),
  image('Debian 12', DEBIAN),
  image('ubuntu-capi-image-v1.31.4', CAPI),
]
const failed = (images: ScsImage[]): string[] =>
  checkStandardImages(images)
    .filter((r) => r.offenders.length)
    .map((r) => `${r.id}${r.level === 'recommended' ? ' (recommended)' : ''}`)

describe('scs-0104 v1: the data file', () => {
  it('names its origin, commit and licence, and the current module (scs-0104-v1-2)', async () => {
    const { default: raw } = await import('../../../src/scs/data/scs-0104-v1.json', {
      with: { type: 'json' },
    })
    expect(raw.origin.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(raw.origin.licence).toContain('CC BY-SA 4.0')
    expect(raw.module).toBe('scs-0104-v1-2')
    expect(SCS_0104_V1.mandatory).toContain('scs-0104-image-ubuntu-2404')
    expect(SCS_0104_V1.recommended).toEqual(['scs-0104-image-capi-2', 'scs-0104-image-debian-12'])
  })
})

describe('scs-0104 v1: rules', () => {
  it('a conformant cloud passes every testcase of the module, mandatory and recommended', () => {
    const results = checkStandardImages(conformant())
    expect(results).toHaveLength(11)
    expect(failed(conformant())).toEqual([])
  })

  it('no Ubuntu 24.04: scs-0104-image-ubuntu-2404 fails (mandatory), naming the definition to add', () => {
    const images = conformant().filter((i) => i.name !== 'Ubuntu 24.04')
    expect(failed(images)).toEqual(['scs-0104-image-ubuntu-2404'])
    const r = checkStandardImages(images).find((x) => x.id === 'scs-0104-image-ubuntu-2404')
    expect(r && failsCheck(r)).toBe(true)
    expect(r?.offenders[0]?.why).toContain("add a definition named 'Ubuntu 24.04'")
    expect(r?.offenders[0]?.why).toContain('https://cloud-images.ubuntu.com/releases/noble/')
  })

  it('a hidden or private Ubuntu 24.04 is not there (SCS lists what a user sees)', () => {
    for (const extra of [{ os_hidden: true }, { visibility: 'private' }]) {
      const images = [...conformant().slice(1), image('Ubuntu 24.04', UBUNTU, extra)]
      expect(failed(images)).toEqual(['scs-0104-image-ubuntu-2404'])
    }
  })

  it('a wrong image_source prefix fails scs-0104-source-X, naming image, prefixes and key', () => {
    const images = [image('Ubuntu 24.04', 'https://mirror.example.test/noble/noble.img')]
    expect(failed([...conformant().slice(1), ...images])).toEqual(['scs-0104-source-ubuntu-2404'])
    const r = checkStandardImages(images).find((x) => x.id === 'scs-0104-source-ubuntu-2404')
    expect(r?.offenders[0]?.name).toBe('Ubuntu 24.04')
    expect(r?.offenders[0]?.why).toContain(
      "in the definition 'Ubuntu 24.04', set each version's url",
    )
  })

  it('the prefix is a prefix: a look-alike host fails', () => {
    const evil = image('Debian 12', 'https://cloud.debian.org.evil.test/images/cloud/bookworm/x')
    expect(failed([conformant()[0] as ScsImage, evil])).toEqual([
      'scs-0104-source-debian-12',
      'scs-0104-image-capi-2 (recommended)',
    ])
  })

  it('recommended ones only warn: no Debian 12 and no CAPI image is no failure', () => {
    const images = [image('Ubuntu 24.04', UBUNTU)]
    const results = checkStandardImages(images)
    expect(failed(images)).toEqual([
      'scs-0104-image-capi-2 (recommended)',
      'scs-0104-image-debian-12 (recommended)',
    ])
    expect(results.some(failsCheck)).toBe(false)
  })

  it('name_scheme matches at the start, like re.match: capi-2 with -, capi-1 with a space', () => {
    const capi2 = SCS_0104_V1.images.find((s) => s.id === 'capi-2')
    const capi1 = SCS_0104_V1.images.find((s) => s.id === 'capi-1')
    const names = [
      'ubuntu-capi-image-v1.31',
      'ubuntu-capi-image v1.31.4',
      'my-ubuntu-capi-image-v1.3',
    ]
    const images = names.map((n) => image(n, CAPI))
    expect(lookup(images, capi2 as never).map((i) => i.name)).toEqual(['ubuntu-capi-image-v1.31'])
    expect(lookup(images, capi1 as never).map((i) => i.name)).toEqual(['ubuntu-capi-image v1.31.4'])
  })
})

describe('scs-0104 v2 (draft)', () => {
  it('the due Ubuntu LTS: the new one from April 30 of its year, Debian stable a month after release', () => {
    expect(dueRelease('ubuntu', new Date('2026-04-29T23:00:00Z'))?.version).toBe('24.04')
    expect(dueRelease('ubuntu', new Date('2026-04-30T00:00:00Z'))?.version).toBe('26.04')
    expect(dueRelease('debian', new Date('2025-09-08T00:00:00Z'))?.version).toBe('12')
    expect(dueRelease('debian', new Date('2025-09-10T00:00:00Z'))?.version).toBe('13')
  })

  const generic = (name: string, distro: string, version: string, source: string): ScsImage =>
    image(name, source, {
      properties: { os_distro: distro, os_version: version, os_purpose: 'generic' },
    })
  const NOW = new Date('2025-06-01T00:00:00Z')

  it('by properties, not names; a generic image from the wrong codename fails the source rule', () => {
    const ok = [
      generic('Noble', 'ubuntu', '24.04', UBUNTU),
      generic('Bookworm', 'debian', '12', DEBIAN),
    ]
    const ids = (images: ScsImage[]): string[] =>
      checkStandardImagesV2(images, NOW)
        .filter((r) => r.offenders.length)
        .map((r) => r.id)
    expect(ids(ok)).toEqual([])
    expect(ids([ok[0] as ScsImage])).toEqual(['scs-0104-v2-image-debian-stable'])
    const wrongCodename = generic(
      'Noble',
      'ubuntu',
      '24.04',
      'https://cloud-images.ubuntu.com/jammy/x',
    )
    expect(ids([wrongCodename, ok[1] as ScsImage])).toEqual(['scs-0104-v2-source-generic'])
    const oldgeneric = { ...ok[0], properties: { ...ok[0]?.properties, os_purpose: 'oldgeneric' } }
    expect(ids([oldgeneric as ScsImage, ok[1] as ScsImage])).toEqual([
      'scs-0104-v2-image-ubuntu-lts',
    ])
  })
})
