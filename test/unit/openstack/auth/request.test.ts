import { describe, expect, it } from 'vitest'
import { buildAuthRequestBody, identityV3Url } from '../../../../src/openstack/auth/request.js'
import type { AuthConfig } from '../../../../src/openstack/config/types.js'

const authUrl = 'http://k:5000/v3'

describe('buildAuthRequestBody', () => {
  const cases: [string, AuthConfig, unknown][] = [
    [
      'password, user and project by name',
      {
        type: 'password',
        authUrl,
        user: { name: 'alice', domain: { name: 'Default' } },
        password: 'pw',
        scope: { kind: 'project', project: { name: 'demo', domain: { id: 'default' } } },
      },
      {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'alice', domain: { name: 'Default' }, password: 'pw' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      },
    ],
    [
      'password, user and project by id',
      {
        type: 'password',
        authUrl,
        user: { id: 'u1' },
        password: 'pw',
        scope: { kind: 'project', project: { id: 'p1' } },
      },
      {
        auth: {
          identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } },
          scope: { project: { id: 'p1' } },
        },
      },
    ],
    [
      'password, domain scope',
      {
        type: 'password',
        authUrl,
        user: { id: 'u1' },
        password: 'pw',
        scope: { kind: 'domain', domain: { name: 'Acme' } },
      },
      {
        auth: {
          identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } },
          scope: { domain: { name: 'Acme' } },
        },
      },
    ],
    [
      'password, system scope',
      { type: 'password', authUrl, user: { id: 'u1' }, password: 'pw', scope: { kind: 'system' } },
      {
        auth: {
          identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } },
          scope: { system: { all: true } },
        },
      },
    ],
    [
      'password, unscoped',
      {
        type: 'password',
        authUrl,
        user: { id: 'u1' },
        password: 'pw',
        scope: { kind: 'unscoped' },
      },
      {
        auth: {
          identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } },
        },
      },
    ],
    [
      'application credential by id',
      { type: 'v3applicationcredential', authUrl, credential: { id: 'ac1' }, secret: 's' },
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: 'ac1', secret: 's' },
          },
        },
      },
    ],
    [
      'application credential by name and user',
      {
        type: 'v3applicationcredential',
        authUrl,
        credential: { name: 'ci', user: { name: 'bot', domain: { id: 'default' } } },
        secret: 's',
      },
      {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: {
              name: 'ci',
              user: { name: 'bot', domain: { id: 'default' } },
              secret: 's',
            },
          },
        },
      },
    ],
    [
      'token, rescoped to a project',
      { type: 'token', authUrl, token: 't0k', scope: { kind: 'project', project: { id: 'p1' } } },
      {
        auth: {
          identity: { methods: ['token'], token: { id: 't0k' } },
          scope: { project: { id: 'p1' } },
        },
      },
    ],
  ]
  it.each(cases)('%s', (_name, auth, body) => {
    expect(buildAuthRequestBody(auth)).toEqual(body)
  })
})

describe('identityV3Url', () => {
  it.each([
    ['http://k:5000', 'http://k:5000/v3'],
    ['http://k:5000/', 'http://k:5000/v3'],
    ['http://k:5000/v3', 'http://k:5000/v3'],
    ['http://k:5000/v3/', 'http://k:5000/v3'],
    ['https://cloud.example.com/identity', 'https://cloud.example.com/identity/v3'],
  ])('%s -> %s', (input, output) => {
    expect(identityV3Url(input)).toBe(output)
  })

  it('rejects v2.0 and non-URLs with a clear message', () => {
    expect(() => identityV3Url('http://k:5000/v2.0')).toThrow(
      'auth_url http://k:5000/v2.0 is a Keystone v2 URL, which is not supported; use the /v3 URL',
    )
    expect(() => identityV3Url('keystone')).toThrow(
      "auth_url 'keystone' is not a URL; expected e.g. https://keystone.example.com:5000/v3",
    )
  })
})
