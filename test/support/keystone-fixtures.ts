// Keystone responses for unit tests, shaped like the real ones of the local cloud.

import type { CatalogService } from '../../src/openstack/auth/catalog.js'
import type { CloudConfig } from '../../src/openstack/config/types.js'
import type { Expectation } from './strict-fetch.js'

export const AUTH_URL = 'http://keystone.test:5000/v3'
export const GLANCE_URL = 'http://glance.test:9292'
export const PROJECT_ID = '6d7a8f3c0e4b4b0f9d8e2a1c3b5d7f90'

export function catalog(glanceUrl = GLANCE_URL, region = 'RegionOne'): CatalogService[] {
  return [
    {
      type: 'identity',
      name: 'keystone',
      endpoints: [{ interface: 'public', region, region_id: region, url: AUTH_URL }],
    },
    {
      type: 'image',
      name: 'glance',
      endpoints: [
        { interface: 'public', region, region_id: region, url: glanceUrl },
        { interface: 'internal', region, region_id: region, url: 'http://glance.internal:9292' },
      ],
    },
  ]
}

export function tokenBody(
  options: { expiresAt?: string; catalog?: CatalogService[] } = {},
): unknown {
  return {
    token: {
      methods: ['password'],
      expires_at: options.expiresAt ?? '2099-01-01T00:00:00.000000Z',
      issued_at: '2026-01-01T00:00:00.000000Z',
      user: { id: 'u1', name: 'alice', domain: { id: 'default', name: 'Default' } },
      project: { id: PROJECT_ID, name: 'demo', domain: { id: 'default', name: 'Default' } },
      roles: [{ id: 'r1', name: 'member' }],
      catalog: options.catalog ?? catalog(),
    },
  }
}

/** The expectation of one successful token request, answering with `token`. */
export function issueToken(
  token = 'token-1',
  options: { expiresAt?: string; catalog?: CatalogService[] } = {},
): Expectation {
  return {
    method: 'POST',
    url: `${AUTH_URL}/auth/tokens`,
    reply: { status: 201, json: tokenBody(options), headers: { 'X-Subject-Token': token } },
  }
}

/** Glance's answer to GET / (300 Multiple Choices with the versions). */
export function glanceVersions(glanceUrl = GLANCE_URL): Expectation {
  return {
    method: 'GET',
    url: `${glanceUrl}/`,
    reply: {
      status: 300,
      json: {
        versions: [
          { id: 'v2.15', status: 'CURRENT', links: [{ rel: 'self', href: `${glanceUrl}/v2/` }] },
          { id: 'v2.9', status: 'SUPPORTED', links: [{ rel: 'self', href: `${glanceUrl}/v2/` }] },
        ],
      },
    },
  }
}

export function passwordConfig(overrides: Partial<CloudConfig> = {}): CloudConfig {
  return {
    name: 'test',
    source: '/test/clouds.yaml',
    auth: {
      type: 'password',
      authUrl: AUTH_URL,
      user: { name: 'alice', domain: { name: 'Default' } },
      password: 'sekrit-password',
      scope: { kind: 'project', project: { name: 'demo', domain: { name: 'Default' } } },
    },
    regionName: 'RegionOne',
    interface: 'public',
    verify: true,
    endpointOverrides: {},
    ...overrides,
  }
}

/** A Glance image JSON as the API returns it. */
export function imageJson(
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name: `image ${id}`,
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
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
    ...extra,
  }
}
