import { describe, expect, it } from 'vitest'
import { importMethods } from '../../../src/apply/import.js'
import { changesToPatch } from '../../../src/apply/patch.js'

describe('changesToPatch', () => {
  it('turns every kind of change into one operation of one document', () => {
    expect(
      changesToPatch([
        { field: 'property', key: 'hw_rng_model', to: 'virtio' },
        { field: 'property', key: 'os_version', from: '24.04', to: '24.10' },
        { field: 'property', key: 'trait:CUSTOM/X', from: 'required' },
        { field: 'min_disk', from: 8, to: 10 },
        { field: 'min_ram', from: 128, to: 512 },
        { field: 'visibility', from: 'private', to: 'public' },
        { field: 'os_hidden', from: false, to: true },
        { field: 'tags', add: ['os:ubuntu'], remove: ['x'], to: ['managed_by_osism', 'os:ubuntu'] },
      ]),
    ).toEqual([
      { op: 'add', path: '/hw_rng_model', value: 'virtio' },
      { op: 'replace', path: '/os_version', value: '24.10' },
      { op: 'remove', path: '/trait:CUSTOM~1X' },
      { op: 'replace', path: '/min_disk', value: 10 },
      { op: 'replace', path: '/min_ram', value: 512 },
      { op: 'replace', path: '/visibility', value: 'public' },
      { op: 'replace', path: '/os_hidden', value: true },
      { op: 'replace', path: '/tags', value: ['managed_by_osism', 'os:ubuntu'] },
    ])
  })
})

describe('importMethods (docs/behaviour.md §4)', () => {
  const all = ['glance-direct', 'web-download', 'copy-image']
  it.each([
    ['https://x.test/a.img', all, ['web-download', 'glance-direct']],
    ['https://x.test/a.img', ['glance-direct'], ['glance-direct']],
    ['https://x.test/a.img', ['web-download'], ['web-download', 'upload']],
    ['https://x.test/a.img', [], ['upload']],
    ['file:images/a.img', all, ['glance-direct']],
    ['file:images/a.img', [], ['upload']],
  ])('%s with %j tries %j', (source, offered, expected) => {
    expect(importMethods({ source, stream: false }, offered)).toEqual(expected)
  })

  it.each([
    [all, ['glance-direct']],
    [['web-download'], ['upload']],
    [[], ['upload']],
  ])(
    'a streamed step (checksum, compressed source) never uses web-download: %j tries %j',
    (offered, expected) => {
      expect(importMethods({ source: 'https://x.test/a.img', stream: true }, offered)).toEqual(
        expected,
      )
    },
  )
})
