import { describe, expect, it } from 'vitest'
import { findEndpoint, missingEndpointMessage } from '../../../../src/openstack/auth/catalog.js'
import { catalog } from '../../../support/keystone-fixtures.js'

describe('findEndpoint', () => {
  const entries = [
    ...catalog('http://glance-one:9292', 'RegionOne'),
    ...catalog('http://glance-two:9292', 'RegionTwo'),
  ]

  it('matches type, interface and region', () => {
    expect(
      findEndpoint(entries, { serviceType: 'image', interface: 'public', regionName: 'RegionTwo' }),
    ).toBe('http://glance-two:9292')
    expect(
      findEndpoint(entries, {
        serviceType: 'image',
        interface: 'internal',
        regionName: 'RegionOne',
      }),
    ).toBe('http://glance.internal:9292')
    expect(findEndpoint(entries, { serviceType: 'image', interface: 'public' })).toBe(
      'http://glance-one:9292',
    )
    expect(findEndpoint(entries, { serviceType: 'image', interface: 'admin' })).toBeUndefined()
  })

  it('explains what is missing and what exists', () => {
    expect(
      missingEndpointMessage(entries, {
        serviceType: 'image',
        interface: 'admin',
        regionName: 'RegionOne',
      }),
    ).toBe(
      "The service catalog has no 'image' endpoint for region RegionOne, interface admin (it has: internal in RegionOne, internal in RegionTwo, public in RegionOne, public in RegionTwo)",
    )
    expect(missingEndpointMessage([], { serviceType: 'image', interface: 'public' })).toBe(
      "The service catalog has no 'image' endpoint for any region, interface public (the catalog is empty: is the token scoped to a project?)",
    )
  })
})
