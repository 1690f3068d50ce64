import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../../../src/openstack/auth/session.js'
import { AuthError } from '../../../../src/openstack/errors.js'
import { isStatus } from '../../../../src/http/error.js'
import {
  AUTH_URL,
  GLANCE_URL,
  catalog,
  issueToken,
  passwordConfig,
} from '../../../support/keystone-fixtures.js'
import { recordingSleep, strictFetch, type StrictFetch } from '../../../support/strict-fetch.js'
import { listenLoopback } from '../../../support/loopback.js'

let fake: StrictFetch
afterEach(() => fake?.done())

function options(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { fetch: fake.fetch, sleep: recordingSleep().sleep, ...extra }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

describe('createSession', () => {
  it('posts the password body, keeps the token secret and finds the image endpoint', async () => {
    fake = strictFetch({
      ...issueToken('tok-abcdef'),
      headers: { 'content-type': 'application/json' },
      json: {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: 'alice', domain: { name: 'Default' }, password: 'sekrit-password' },
            },
          },
          scope: { project: { name: 'demo', domain: { name: 'Default' } } },
        },
      },
    })
    const secrets: string[] = []
    const session = await createSession(
      passwordConfig(),
      options({ onSecret: (s: string) => secrets.push(s) }),
    )
    expect(await session.token()).toBe('tok-abcdef')
    expect(secrets).toEqual(['sekrit-password', 'tok-abcdef'])
    expect(session.endpoint('image')).toBe(GLANCE_URL)
    expect(session.info.project?.name).toBe('demo')
  })

  it('prefers <type>_endpoint_override over the catalog', async () => {
    fake = strictFetch(issueToken())
    const session = await createSession(
      passwordConfig({ endpointOverrides: { image: 'http://proxy:1234/' } }),
      options(),
    )
    expect(session.endpoint('image')).toBe('http://proxy:1234')
  })

  it('explains a wrong password in one line', async () => {
    fake = strictFetch({
      method: 'POST',
      url: `${AUTH_URL}/auth/tokens`,
      reply: {
        status: 401,
        json: {
          error: {
            code: 401,
            message: 'The request you have made requires authentication.',
            title: 'Unauthorized',
          },
        },
      },
    })
    const error = await failure(createSession(passwordConfig(), options()))
    expect(error).toBeInstanceOf(AuthError)
    expect(error.message).toBe(
      `Authentication failed for user 'alice' at ${AUTH_URL}: check the password / application credential`,
    )
  })

  it('explains a rejected application credential and token', async () => {
    fake = strictFetch(
      { method: 'POST', url: `${AUTH_URL}/auth/tokens`, reply: { status: 401 } },
      { method: 'POST', url: `${AUTH_URL}/auth/tokens`, reply: { status: 401 } },
    )
    const appcred = passwordConfig({
      auth: {
        type: 'v3applicationcredential',
        authUrl: AUTH_URL,
        credential: { id: 'ac-1' },
        secret: 's3cr3t-value',
      },
    })
    expect((await failure(createSession(appcred, options()))).message).toBe(
      `Authentication failed for application credential 'ac-1' at ${AUTH_URL}: check the password / application credential`,
    )
    const token = passwordConfig({
      auth: {
        type: 'token',
        authUrl: AUTH_URL,
        token: 'old-token-value',
        scope: { kind: 'unscoped' },
      },
    })
    expect((await failure(createSession(token, options()))).message).toBe(
      `Authentication failed for the configured token at ${AUTH_URL}: the token was rejected; issue a new token`,
    )
  })

  it('explains an auth_url that is not Keystone', async () => {
    fake = strictFetch({
      method: 'POST',
      url: `${AUTH_URL}/auth/tokens`,
      reply: { status: 404, body: 'Not Found' },
    })
    expect((await failure(createSession(passwordConfig(), options()))).message).toBe(
      `Keystone at ${AUTH_URL} has no /v3/auth/tokens (404): check that auth_url is the Keystone endpoint`,
    )
  })

  it('explains an unreachable Keystone (a real closed port on loopback)', async () => {
    fake = strictFetch()
    const port = await closedPort()
    const authUrl = `http://127.0.0.1:${port}/v3`
    const config = passwordConfig({ auth: { ...passwordConfig().auth, authUrl } as never })
    const { sleep, delays } = recordingSleep()
    const error = await failure(createSession(config, { sleep }))
    expect(error).toBeInstanceOf(AuthError)
    expect(error.message).toBe(`Cannot reach Keystone at ${authUrl}: connection refused`)
    expect(delays).toHaveLength(4) // issuing a token is safe to repeat: retried like a GET
  })

  it('explains a catalog without an image service', async () => {
    fake = strictFetch(issueToken('t', { catalog: catalog().filter((s) => s.type !== 'image') }))
    const session = await createSession(passwordConfig(), options())
    expect(() => session.endpoint('image')).toThrow(
      new AuthError(
        "The service catalog has no 'image' endpoint for region RegionOne, interface public",
      ),
    )
  })
})

describe('token renewal', () => {
  it('issues a new token shortly before expires_at', async () => {
    let now = Date.parse('2026-05-01T12:00:00Z')
    fake = strictFetch(
      issueToken('first', { expiresAt: '2026-05-01T13:00:00.000000Z' }),
      issueToken('second'),
    )
    const session = await createSession(passwordConfig(), options({ now: () => now }))
    expect(await session.token()).toBe('first')
    now = Date.parse('2026-05-01T12:57:00Z')
    expect(await session.token()).toBe('first')
    now = Date.parse('2026-05-01T12:58:30Z') // within the 120 s margin
    expect(await session.token()).toBe('second')
  })

  it('re-issues the token once on a 401 from a service and repeats the request once', async () => {
    const url = `${GLANCE_URL}/v2/images/x`
    fake = strictFetch(
      issueToken('first'),
      { method: 'GET', url, headers: { 'x-auth-token': 'first' }, reply: { status: 401 } },
      issueToken('second'),
      {
        method: 'GET',
        url,
        headers: { 'x-auth-token': 'second' },
        reply: { status: 200, json: { id: 'x' } },
      },
    )
    const session = await createSession(passwordConfig(), options())
    const response = await session.request({ method: 'GET', url, expected: [200] })
    expect(response.data).toEqual({ id: 'x' })
  })

  it('does not loop when the new token is refused too', async () => {
    const url = `${GLANCE_URL}/v2/images/x`
    fake = strictFetch(
      issueToken('first'),
      { method: 'PATCH', url, reply: { status: 401 } },
      issueToken('second'),
      { method: 'PATCH', url, reply: { status: 401 } },
    )
    const session = await createSession(passwordConfig(), options())
    const error = await failure(
      session.request({ method: 'PATCH', url, expected: [200], json: [] }),
    )
    expect(isStatus(error, 401)).toBe(true)
  })

  it('renews once for concurrent 401s', async () => {
    const url = `${GLANCE_URL}/v2/images`
    fake = strictFetch(
      issueToken('first'),
      { method: 'GET', url: `${url}/a`, reply: { status: 401 } },
      { method: 'GET', url: `${url}/b`, reply: { status: 401 } },
      issueToken('second'),
      {
        method: 'GET',
        url: /\/v2\/images\/[ab]$/,
        headers: { 'x-auth-token': 'second' },
        reply: { status: 200, json: {} },
      },
      {
        method: 'GET',
        url: /\/v2\/images\/[ab]$/,
        headers: { 'x-auth-token': 'second' },
        reply: { status: 200, json: {} },
      },
    )
    const session = await createSession(passwordConfig(), options())
    await Promise.all([
      session.request({ method: 'GET', url: `${url}/a`, expected: [200] }),
      session.request({ method: 'GET', url: `${url}/b`, expected: [200] }),
    ])
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listenLoopback(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
