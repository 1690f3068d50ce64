import { describe, expect, it } from 'vitest'
import { createImageJson, parseImage } from '../../../../src/openstack/glance/types.js'
import { PROJECT_ID, imageJson } from '../../../support/keystone-fixtures.js'

describe('parseImage', () => {
  it('types the known fields and keeps every other key as a string property', () => {
    const image = parseImage(
      imageJson('i1', {
        os_distro: 'debian',
        hw_qemu_guest_agent: 'yes',
        os_glance_import_task: 't1',
        stores: 'file',
        weird: 3,
        nothing: null,
      }),
    )
    expect(image).toEqual({
      id: 'i1',
      name: 'image i1',
      status: 'active',
      visibility: 'public',
      protected: false,
      os_hidden: false,
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 0,
      min_ram: 0,
      size: 1024,
      virtual_size: 2048,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      os_hash_algo: 'sha512',
      os_hash_value: 'abc',
      owner: PROJECT_ID,
      tags: [],
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      stores: 'file',
      properties: {
        os_distro: 'debian',
        hw_qemu_guest_agent: 'yes',
        os_glance_import_task: 't1',
        weird: '3',
      },
    })
  })

  it('accepts a queued image without data', () => {
    const image = parseImage({
      id: 'q',
      status: 'queued',
      name: null,
      size: null,
      checksum: null,
      disk_format: null,
      tags: [],
    })
    expect(image).toMatchObject({
      status: 'queued',
      name: null,
      size: null,
      disk_format: null,
      properties: {},
    })
  })

  it('rejects what is not an image', () => {
    expect(() => parseImage({ images: [] })).toThrow(
      'Glance returned something that is not an image',
    )
  })
})

describe('createImageJson', () => {
  it('flattens properties into the image and keeps tags and the fixed id', () => {
    expect(
      createImageJson({
        id: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        name: 'Debian 12',
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'private',
        tags: ['managed_by_osism'],
        properties: { os_distro: 'debian' },
        min_disk: undefined,
      }),
    ).toEqual({
      id: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
      name: 'Debian 12',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'private',
      tags: ['managed_by_osism'],
      os_distro: 'debian',
    })
  })

  it('refuses core attributes as properties', () => {
    expect(() =>
      createImageJson({
        name: 'x',
        disk_format: 'raw',
        container_format: 'bare',
        properties: { owner: 'me' },
      }),
    ).toThrow("'owner' is a Glance attribute, not a property; set it as a field")
  })
})
