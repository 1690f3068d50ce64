import { describe, expect, it } from 'vitest'
import {
  buildPatch,
  pointer,
  type ImageUpdate,
  type PatchOperation,
} from '../../../../src/openstack/glance/patch.js'
import { parseImage } from '../../../../src/openstack/glance/types.js'
import { imageJson } from '../../../support/keystone-fixtures.js'

const current = parseImage(
  imageJson('i1', {
    name: 'Ubuntu 24.04',
    visibility: 'private',
    min_disk: 3,
    min_ram: 0,
    tags: ['managed_by_osism', 'os:ubuntu'],
    os_distro: 'ubuntu',
    os_version: '24.04',
    hw_disk_bus: 'scsi',
    'a/b~c': 'x',
  }),
)

describe('buildPatch', () => {
  const cases: [string, ImageUpdate, PatchOperation[]][] = [
    [
      'nothing differs',
      {
        name: 'Ubuntu 24.04',
        visibility: 'private',
        properties: { os_distro: 'ubuntu' },
        tags: ['os:ubuntu', 'managed_by_osism'],
      },
      [],
    ],
    ['empty update', {}, []],
    [
      'rename',
      { name: 'Ubuntu 24.04 (20240416)' },
      [{ op: 'replace', path: '/name', value: 'Ubuntu 24.04 (20240416)' }],
    ],
    [
      'visibility',
      { visibility: 'community' },
      [{ op: 'replace', path: '/visibility', value: 'community' }],
    ],
    [
      'min_disk and min_ram',
      { min_disk: 5, min_ram: 512 },
      [
        { op: 'replace', path: '/min_disk', value: 5 },
        { op: 'replace', path: '/min_ram', value: 512 },
      ],
    ],
    [
      'os_hidden and protected',
      { os_hidden: true, protected: false },
      [{ op: 'replace', path: '/os_hidden', value: true }],
    ],
    [
      'new property',
      { properties: { hw_rng_model: 'virtio' } },
      [{ op: 'add', path: '/hw_rng_model', value: 'virtio' }],
    ],
    [
      'changed property',
      { properties: { os_version: '24.04.1' } },
      [{ op: 'replace', path: '/os_version', value: '24.04.1' }],
    ],
    [
      'removed property',
      { properties: { hw_disk_bus: null } },
      [{ op: 'remove', path: '/hw_disk_bus' }],
    ],
    ['removing an absent property', { properties: { nope: null } }, []],
    [
      'escaped key',
      { properties: { 'a/b~c': 'y' } },
      [{ op: 'replace', path: '/a~1b~0c', value: 'y' }],
    ],
    [
      'tags differ',
      { tags: ['managed_by_osism', 'os:ubuntu', 'new', 'new'] },
      [{ op: 'replace', path: '/tags', value: ['managed_by_osism', 'new', 'os:ubuntu'] }],
    ],
    [
      'everything at once, core first',
      { name: 'N', min_ram: 1, properties: { a: '1', os_distro: 'debian', hw_disk_bus: null } },
      [
        { op: 'replace', path: '/name', value: 'N' },
        { op: 'replace', path: '/min_ram', value: 1 },
        { op: 'add', path: '/a', value: '1' },
        { op: 'replace', path: '/os_distro', value: 'debian' },
        { op: 'remove', path: '/hw_disk_bus' },
      ],
    ],
  ]

  it.each(cases)('%s', (_name, desired, ops) => {
    expect(buildPatch(current, desired)).toEqual(ops)
  })

  it('refuses Glance attributes as properties', () => {
    expect(() => buildPatch(current, { properties: { status: 'active' } })).toThrow(
      "'status' is a Glance attribute, not a property",
    )
  })

  it('escapes JSON pointers', () => {
    expect(pointer('a~b/c')).toBe('/a~0b~1c')
  })
})
