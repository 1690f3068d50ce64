import { describe, expect, it } from 'vitest'
import { createSession, revokeToken } from '../../../src/openstack/auth/session.js'
import { resolveCloudConfig } from '../../../src/openstack/config/resolve.js'
import type { CloudConfig } from '../../../src/openstack/config/types.js'
import { createGlanceClient } from '../../../src/openstack/glance/connect.js'
import { localCloudConfig, localCloudsYaml, localCloudUrls } from '../../support/local-cloud.js'

// Keystone as clouds.yaml names it, Glance as its own configuration does (not the catalog).
const { keystone: KEYSTONE, glance: GLANCE } = await localCloudUrls()

describe('every auth type against the real Keystone', () => {
  it('password from OS_* variables, token, and an application credential', async () => {
    const fromEnv = resolveCloudConfig({
      env: {
        OS_AUTH_URL: KEYSTONE,
        OS_USERNAME: 'demo',
        OS_PASSWORD: 'local-demo-pass',
        OS_PROJECT_NAME: 'demo',
        OS_USER_DOMAIN_NAME: 'Default',
        OS_PROJECT_DOMAIN_ID: 'default',
        OS_REGION_NAME: 'RegionOne',
      },
    })
    const member = await createSession(fromEnv)
    expect(member.info.project?.name).toBe('demo')

    const withToken = resolveCloudConfig({
      env: {
        OS_AUTH_URL: `${KEYSTONE}/v3`,
        OS_TOKEN: await member.token(),
        OS_PROJECT_NAME: 'demo',
      },
    })
    expect((await createSession(withToken)).info.user.name).toBe('demo')

    const userId = member.info.user.id
    const name = `it-appcred-${Date.now().toString(36)}`
    const created = await member.request<{
      application_credential: { id: string; secret: string }
    }>({
      method: 'POST',
      url: `${member.identityUrl}/users/${userId}/application_credentials`,
      expected: [201],
      json: { application_credential: { name } },
    })
    const { id, secret } = created.data.application_credential
    try {
      for (const env of [
        { OS_APPLICATION_CREDENTIAL_ID: id },
        {
          OS_APPLICATION_CREDENTIAL_NAME: name,
          OS_USERNAME: 'demo',
          OS_USER_DOMAIN_NAME: 'Default',
        },
      ]) {
        const config = resolveCloudConfig({
          env: {
            OS_AUTH_TYPE: 'v3applicationcredential',
            OS_AUTH_URL: `${KEYSTONE}/v3`,
            OS_APPLICATION_CREDENTIAL_SECRET: secret,
            ...env,
          },
        })
        const session = await createSession(config)
        expect(session.info.project?.name).toBe('demo')
        expect(session.endpoint('image')).toBe(GLANCE)
      }
    } finally {
      await member.request({
        method: 'DELETE',
        url: `${member.identityUrl}/users/${userId}/application_credentials/${id}`,
        expected: [204],
        responseType: 'none',
      })
    }
  })
})

describe('Keystone on the local cloud', () => {
  it('authenticates both clouds of the clouds.yaml', async () => {
    const admin = await createSession(await localCloudConfig('local-admin'))
    expect(admin.info.roles).toContain('admin')
    const member = await createSession(await localCloudConfig('local-member'))
    expect(member.info).toMatchObject({ user: { name: 'demo' }, project: { name: 'demo' } })
    expect(admin.endpoint('image')).toBe(GLANCE)
  })

  it('explains a wrong password in one line', async () => {
    const config = await localCloudConfig('local-member')
    const wrong = {
      ...config,
      auth: { ...config.auth, password: 'not-the-password' },
    } as CloudConfig
    await expect(createSession(wrong)).rejects.toThrow(
      `Authentication failed for user 'demo' at ${config.auth.authUrl}: check the password / application credential`,
    )
  })

  it('explains an unknown cloud with the real clouds.yaml', async () => {
    const clouds = await localCloudsYaml()
    expect(() => resolveCloudConfig({ clouds, env: {}, cloud: 'nope' })).toThrow(
      `Unknown cloud 'nope' in ${clouds.path}; expected one of: local-admin, local-member`,
    )
  })

  it('explains a region without an image endpoint', async () => {
    const config = { ...(await localCloudConfig('local-admin')), regionName: 'Atlantis' }
    await expect(createGlanceClient(config)).rejects.toThrow(
      /^The service catalog has no 'image' endpoint for region Atlantis, interface public \(it has: admin in RegionOne, internal in RegionOne, public in RegionOne\)$/,
    )
  })

  it('re-authenticates once after its token is revoked mid-run', async () => {
    const config = await localCloudConfig('local-admin')
    const glance = await createGlanceClient(config)
    const admin = await createSession(config)
    const first = await glance.session.token()
    const firstPage = async (): Promise<void> => {
      for await (const image of glance.listImages({ limit: 1 })) {
        void image
        break
      }
    }
    await firstPage()

    await revokeToken(admin, first)
    const issued = glance.counter.get('POST /v3/auth/tokens')
    const listed = glance.counter.get('GET /v2/images')
    await firstPage()

    expect(glance.counter.get('POST /v3/auth/tokens')).toBe(issued + 1)
    expect(glance.counter.get('GET /v2/images')).toBe(listed + 2) // the 401, then the repeat
    expect(await glance.session.token()).not.toBe(first)
  })
})
