// The drift rules of docs/behaviour.md §5 in both directions and in the steady
// state: what a drifted image gets, and what an image already right does not get.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import { desireDefinition, type DesiredImage } from '../../../src/plan/desire.js'
import {
  desiredMinDisk,
  diffImage,
  diffRotated,
  isProtectedProperty,
} from '../../../src/plan/diff.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { definition, version } from '../../support/definitions.js'
import { adopted } from './fixtures.js'

const GiB = 2 ** 30

/** The newest build of `def` as desired and as the old tool left it in Glance. */
function pair(def: Definition = definition()): [DesiredImage, CloudImage] {
  const desired = desireDefinition(def, { tag: 'managed_by_osism', useOsHidden: false })
  return [desired.at(-1)!, adopted(def).at(-1)!]
}

/** The image of `pair` with some of its fields or properties changed. */
function drifted(
  image: CloudImage,
  fields: Partial<CloudImage> = {},
  properties: Record<string, string> = {},
): CloudImage {
  return { ...image, ...fields, properties: { ...image.properties, ...properties } }
}

describe('drift: an image already in its desired state', () => {
  it('gets no change and no status step', () => {
    const [want, image] = pair()
    expect(diffImage(want, image)).toStrictEqual({ changes: [] })
  })

  it('an image already deactivated that should be deactivated plans nothing', () => {
    const def = definition({ status: 'deactivated' })
    const [want, image] = pair(def)
    expect(diffImage(want, { ...image, status: 'deactivated' })).toStrictEqual({ changes: [] })
  })

  it('an active image that should be active is not reactivated', () => {
    const [want, image] = pair()
    expect(diffImage(want, image).status).toBeUndefined()
  })

  it('an image in another state is neither deactivated nor reactivated', () => {
    const [want, image] = pair(definition({ status: 'deactivated' }))
    expect(diffImage(want, { ...image, status: 'queued' }).status).toBeUndefined()
    const [active, other] = pair()
    expect(diffImage(active, { ...other, status: 'queued' }).status).toBeUndefined()
  })

  it('an image with no known size keeps the min_disk of the definition', () => {
    const [want, image] = pair()
    expect(diffImage(want, { ...image, size: undefined }).changes).toEqual([])
    expect(diffImage(want, { ...image, size: null }).changes).toEqual([])
  })
})

describe('drift: properties', () => {
  it('a boolean differing only in case is not drift, in either direction', () => {
    const def = definition({ meta: { ...definition().meta, hw_vif_multiqueue_enabled: false } })
    const [want, image] = pair(def)
    for (const held of ['false', 'FALSE', 'False'])
      expect(
        diffImage(want, drifted(image, {}, { hw_vif_multiqueue_enabled: held })).changes,
      ).toEqual([])
  })

  it('a boolean of the other value is drift, whatever its case', () => {
    const def = definition({ meta: { ...definition().meta, hw_vif_multiqueue_enabled: false } })
    const [want, image] = pair(def)
    expect(
      diffImage(want, drifted(image, {}, { hw_vif_multiqueue_enabled: 'true' })).changes,
    ).toStrictEqual([
      { field: 'property', key: 'hw_vif_multiqueue_enabled', from: 'true', to: 'False' },
    ])
  })

  it('text values compare exactly: only true/false are case-blind', () => {
    const def = definition({
      meta: { ...definition().meta, a: 'virtio', b: 'istrue', c: 'trueish', d: 'True' },
    })
    const [want, image] = pair(def)
    const changes = diffImage(
      want,
      drifted(image, {}, { a: 'VIRTIO', b: 'ISTRUE', c: 'TRUEISH', d: 'true' }),
    ).changes
    expect(changes).toStrictEqual([
      { field: 'property', key: 'a', from: 'VIRTIO', to: 'virtio' },
      { field: 'property', key: 'b', from: 'ISTRUE', to: 'istrue' },
      { field: 'property', key: 'c', from: 'TRUEISH', to: 'trueish' },
    ])
  })

  it('a property Glance lacks is set, with no from value', () => {
    const [want, image] = pair()
    const rest = Object.fromEntries(
      Object.entries(image.properties).filter(([k]) => k !== 'hw_rng_model'),
    )
    const changes = diffImage(want, { ...image, properties: rest }).changes
    expect(changes).toStrictEqual([{ field: 'property', key: 'hw_rng_model', to: 'virtio' }])
    expect(changes[0]).not.toHaveProperty('from')
  })

  it('a null meta key leaves the value Glance holds alone (definition and version meta)', () => {
    const def = definition({
      meta: { ...definition().meta, hw_watchdog_action: null },
      versions: [version('20240422', { meta: { hw_cpu_policy: null } })],
    })
    const [want, image] = pair(def)
    expect(want.properties).not.toHaveProperty('hw_watchdog_action')
    const held = drifted(image, {}, { hw_watchdog_action: 'reset', hw_cpu_policy: 'dedicated' })
    expect(diffImage(want, held).changes).toEqual([])
  })

  it('a property no meta key names is removed, with no to value', () => {
    const [want, image] = pair()
    const changes = diffImage(want, drifted(image, {}, { by_hand: 'x', osx: 'y' })).changes
    expect(changes).toStrictEqual([
      { field: 'property', key: 'by_hand', from: 'x' },
      { field: 'property', key: 'osx', from: 'y' },
    ])
  })

  it.each(['self', 'schema', 'file', 'stores', 'locations', 'direct_url', 'virtual_size'])(
    "Glance's own key '%s' is never removed",
    (key) => {
      expect(isProtectedProperty(key)).toBe(true)
      const [want, image] = pair()
      expect(diffImage(want, drifted(image, {}, { [key]: 'x' })).changes).toEqual([])
    },
  )

  it.each(['os_hash_value', 'owner_specified.openstack.sha256'])(
    "other tools' key '%s' is never removed",
    (key) => expect(isProtectedProperty(key)).toBe(true),
  )

  it.each(['hash_os_', 'xowner_specified.', 'owner_specified', 'os', 'selfish', 'my_file', ''])(
    "a key that only looks like Glance's ('%s') is not protected",
    (key) => expect(isProtectedProperty(key)).toBe(false),
  )
})

describe('drift: min_disk, min_ram, visibility, os_hidden', () => {
  it('min_disk is the larger of the definition and the image size, rounded up to GiB', () => {
    expect(desiredMinDisk(8, 3 * GiB)).toBe(8)
    expect(desiredMinDisk(8, 9 * GiB + 1)).toBe(10)
    expect(desiredMinDisk(8, 9 * GiB)).toBe(9)
    expect(desiredMinDisk(2, GiB - 1)).toBe(2)
    expect(desiredMinDisk(0, 1)).toBe(1)
    expect(desiredMinDisk(5, 0)).toBe(5)
    expect(desiredMinDisk(5, null)).toBe(5)
    expect(desiredMinDisk(5, undefined)).toBe(5)
  })

  it('a min_ram above the definition is lowered again', () => {
    const [want, image] = pair()
    expect(diffImage(want, { ...image, min_ram: 4096 }).changes).toStrictEqual([
      { field: 'min_ram', from: 4096, to: 512 },
    ])
  })

  it('a min_disk above what the definition and size need is lowered again', () => {
    const [want, image] = pair()
    expect(diffImage(want, { ...image, min_disk: 40 }).changes).toStrictEqual([
      { field: 'min_disk', from: 40, to: 8 },
    ])
  })

  it('a retiring build keeps the visibility and status retention gave it', () => {
    const [want, image] = pair(definition({ status: 'deactivated' }))
    const retired = { ...image, visibility: 'community' }
    expect(diffImage(want, retired, { retiring: true })).toStrictEqual({ changes: [] })
    expect(diffImage(want, retired).changes).toStrictEqual([
      { field: 'visibility', from: 'community', to: 'public' },
    ])
    expect(diffImage(want, image).status).toBe('deactivate')
  })

  it('a retiring build still gets its properties repaired', () => {
    const [want, image] = pair()
    expect(
      diffImage(want, drifted(image, {}, { hw_rng_model: 'none' }), { retiring: true }).changes,
    ).toStrictEqual([{ field: 'property', key: 'hw_rng_model', from: 'none', to: 'virtio' }])
  })

  it('os_hidden is set both ways when use-os-hidden gives it, and left alone otherwise', () => {
    const [want, image] = pair()
    expect(diffImage(want, { ...image, os_hidden: true }).changes).toEqual([])
    expect(
      diffImage({ ...want, osHidden: false }, { ...image, os_hidden: true }).changes,
    ).toStrictEqual([{ field: 'os_hidden', from: true, to: false }])
    expect(
      diffImage({ ...want, osHidden: true }, { ...image, os_hidden: undefined }).changes,
    ).toStrictEqual([{ field: 'os_hidden', from: false, to: true }])
    expect(
      diffImage({ ...want, osHidden: false }, { ...image, os_hidden: undefined }).changes,
    ).toEqual([])
  })
})

describe('drift: tags', () => {
  it('a tag only missing is added, nothing removed', () => {
    const [want, image] = pair(definition({ tags: ['extra'] }))
    const changes = diffImage(want, {
      ...image,
      tags: image.tags.filter((t) => t !== 'extra'),
    }).changes
    expect(changes).toStrictEqual([
      { field: 'tags', add: ['extra'], remove: [], to: ['extra', 'managed_by_osism', 'os:ubuntu'] },
    ])
  })

  it('a tag only added by hand is removed, nothing added; removals come sorted', () => {
    const [want, image] = pair()
    const changes = diffImage(want, { ...image, tags: ['zz', ...image.tags, 'aa'] }).changes
    expect(changes).toStrictEqual([
      { field: 'tags', add: [], remove: ['aa', 'zz'], to: ['managed_by_osism', 'os:ubuntu'] },
    ])
  })
})

describe('drift: a build that left the list (rotation settings only)', () => {
  it('sets the rotation properties and os_hidden, nothing else', () => {
    const [, image] = pair()
    const by = drifted(image, { min_ram: 1, tags: [] }, { by_hand: 'x' })
    expect(diffRotated({ properties: { hw_rng_model: 'none' }, hidden: true }, by)).toStrictEqual([
      { field: 'property', key: 'hw_rng_model', from: 'virtio', to: 'none' },
      { field: 'os_hidden', from: false, to: true },
    ])
  })

  it('a build already rotated gets nothing', () => {
    const [, image] = pair()
    const rotated = drifted(image, { os_hidden: true }, { hw_rng_model: 'none' })
    expect(diffRotated({ properties: { hw_rng_model: 'none' }, hidden: true }, rotated)).toEqual([])
    expect(diffRotated({ properties: {} }, rotated)).toEqual([])
  })
})
