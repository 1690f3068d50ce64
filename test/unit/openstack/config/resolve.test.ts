import { describe, expect, it } from 'vitest'
import { resolveCloudConfig, type ConfigSources } from '../../../../src/openstack/config/resolve.js'
import { ConfigError } from '../../../../src/problems.js'

const CLOUDS = `
clouds:
  prod:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      username: alice
      project_name: images
      user_domain_name: Users
      project_domain_name: Projects
    region_name: RegionOne
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.example.com:5000
      application_credential_id: 0123abcd
      application_credential_secret: appcred-secret
  appcred-by-name:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.example.com:5000
      application_credential_name: ci
      username: bot
      user_domain_id: bots
      application_credential_secret: appcred-secret
`

const SECURE = `
clouds:
  prod:
    auth:
      password: very-secret-password
    interface: internal
`

function resolve(sources: Partial<ConfigSources>): ReturnType<typeof resolveCloudConfig> {
  return resolveCloudConfig({ env: {}, ...sources })
}

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected an error')
}

const files = {
  clouds: { path: '/etc/openstack/clouds.yaml', content: CLOUDS },
  secure: { path: '/etc/openstack/secure.yaml', content: SECURE },
}

describe('resolveCloudConfig: clouds.yaml and secure.yaml', () => {
  it('deep-merges secure.yaml over clouds.yaml', () => {
    const config = resolve({ ...files, cloud: 'prod' })
    expect(config).toEqual({
      name: 'prod',
      source: '/etc/openstack/clouds.yaml',
      auth: {
        type: 'password',
        authUrl: 'https://keystone.example.com:5000/v3',
        user: { name: 'alice', domain: { name: 'Users' } },
        password: 'very-secret-password',
        scope: { kind: 'project', project: { name: 'images', domain: { name: 'Projects' } } },
      },
      regionName: 'RegionOne',
      interface: 'internal',
      verify: true,
      endpointOverrides: {},
    })
  })

  it('takes OS_CLOUD when no --cloud is given, and --cloud over OS_CLOUD', () => {
    expect(resolve({ ...files, env: { OS_CLOUD: 'appcred' } }).name).toBe('appcred')
    expect(resolve({ ...files, env: { OS_CLOUD: 'appcred' }, cloud: 'prod' }).name).toBe('prod')
  })

  it('takes the only cloud when none is named', () => {
    const one = `clouds:\n  only:\n    auth: {auth_url: 'http://k:5000', username: u, password: p, project_id: 42}\n`
    const config = resolve({ clouds: { path: '/x/clouds.yaml', content: one } })
    expect(config.name).toBe('only')
    // numbers are read as strings, like openstacksdk does
    expect(config.auth).toMatchObject({ scope: { kind: 'project', project: { id: '42' } } })
  })

  it('reads an application credential by id and by name + user', () => {
    expect(resolve({ ...files, cloud: 'appcred' }).auth).toEqual({
      type: 'v3applicationcredential',
      authUrl: 'https://keystone.example.com:5000',
      credential: { id: '0123abcd' },
      secret: 'appcred-secret',
    })
    expect(resolve({ ...files, cloud: 'appcred-by-name' }).auth).toEqual({
      type: 'v3applicationcredential',
      authUrl: 'https://keystone.example.com:5000',
      credential: { name: 'ci', user: { name: 'bot', domain: { id: 'bots' } } },
      secret: 'appcred-secret',
    })
  })

  it('reads token and v3token, and v3password as password', () => {
    const yaml = `clouds:
  t: {auth_type: token, auth: {auth_url: 'http://k/v3', token: tok-123, project_id: p1}}
  t3: {auth_type: v3token, auth: {auth_url: 'http://k/v3', token: tok-123}}
  p3: {auth_type: v3password, auth: {auth_url: 'http://k/v3', user_id: u1, password: pw, domain_id: d1}}
`
    const clouds = { path: '/c.yaml', content: yaml }
    expect(resolve({ clouds, cloud: 't' }).auth).toEqual({
      type: 'token',
      authUrl: 'http://k/v3',
      token: 'tok-123',
      scope: { kind: 'project', project: { id: 'p1' } },
    })
    expect(resolve({ clouds, cloud: 't3' }).auth).toMatchObject({
      type: 'token',
      scope: { kind: 'unscoped' },
    })
    // domain_id without a project scopes the token to the domain
    expect(resolve({ clouds, cloud: 'p3' }).auth).toEqual({
      type: 'password',
      authUrl: 'http://k/v3',
      user: { id: 'u1' },
      password: 'pw',
      scope: { kind: 'domain', domain: { id: 'd1' } },
    })
  })

  it('uses domain_name for user and project domain when project-scoped (openstacksdk _handle_domain_id)', () => {
    const yaml = `clouds:
  c: {auth: {auth_url: 'http://k/v3', username: u, password: p, project_name: pr, domain_name: Acme, user_domain_name: Own}}
`
    expect(resolve({ clouds: { path: '/c.yaml', content: yaml } }).auth).toMatchObject({
      user: { name: 'u', domain: { name: 'Own' } },
      scope: { kind: 'project', project: { name: 'pr', domain: { name: 'Acme' } } },
    })
  })

  it("defaults missing user and project domains to the id 'default', like the openstack CLI", () => {
    const yaml = `clouds:\n  c: {auth: {auth_url: 'http://k/v3', username: u, password: p, project_name: pr}}\n`
    expect(resolve({ clouds: { path: '/c.yaml', content: yaml } }).auth).toMatchObject({
      user: { name: 'u', domain: { id: 'default' } },
      scope: { kind: 'project', project: { name: 'pr', domain: { id: 'default' } } },
    })
  })

  it('reads tenant_name, dashes in keys, top-level auth keys and endpoint_type like openstacksdk', () => {
    const yaml = `clouds:
  c:
    auth-url: 'http://k/v3'
    auth: {username: u, password: p}
    tenant-name: old-style
    endpoint_type: adminURL
    image_endpoint_override: http://proxy:9999
    api_timeout: 30
`
    const config = resolve({ clouds: { path: '/c.yaml', content: yaml } })
    expect(config.auth).toMatchObject({
      authUrl: 'http://k/v3',
      scope: { project: { name: 'old-style' } },
    })
    expect(config.interface).toBe('admin')
    expect(config.endpointOverrides).toEqual({ image: 'http://proxy:9999' })
    expect(config.apiTimeoutMs).toBe(30_000)
  })

  it('reads verify, insecure (YAML 1.1 booleans) and cacert with ~', () => {
    const yaml = `clouds:
  a: {auth: {auth_url: 'http://k/v3', username: u, password: p}, verify: false}
  b: {auth: {auth_url: 'http://k/v3', username: u, password: p}, insecure: yes}
  c: {auth: {auth_url: 'http://k/v3', username: u, password: p}, cacert: ~/ca.pem}
`
    const clouds = { path: '/c.yaml', content: yaml }
    expect(resolve({ clouds, cloud: 'a' }).verify).toBe(false)
    expect(resolve({ clouds, cloud: 'b' }).verify).toBe(false)
    expect(resolve({ clouds, cloud: 'c', home: '/home/op' })).toMatchObject({
      verify: true,
      cacert: '/home/op/ca.pem',
    })
  })

  it('picks a region from the regions list, and checks an explicit one', () => {
    const yaml = `clouds:
  c:
    auth: {auth_url: 'http://k/v3', username: u, password: p}
    regions: [north, {name: south, values: {interface: internal}}]
`
    const clouds = { path: '/c.yaml', content: yaml }
    expect(resolve({ clouds }).regionName).toBe('north')
    expect(resolve({ clouds, regionName: 'south' })).toMatchObject({
      regionName: 'south',
      interface: 'internal',
    })
    expect(errorOf(() => resolve({ clouds, regionName: 'west' }))).toBe(
      "Unknown region 'west' for cloud 'c'; expected one of: north, south",
    )
  })
})

describe('resolveCloudConfig: environment variables', () => {
  const env = {
    OS_AUTH_URL: 'http://keystone:5000/v3',
    OS_USERNAME: 'envuser',
    OS_PASSWORD: 'env-password',
    OS_PROJECT_NAME: 'envproject',
    OS_USER_DOMAIN_NAME: 'UD',
    OS_PROJECT_DOMAIN_ID: 'pd-id',
    OS_REGION_NAME: 'RegionTwo',
    OS_INTERFACE: 'internal',
    OS_CACERT: '/etc/ssl/ca.pem',
    OS_INSECURE: 'false',
  }

  it('builds the envvars cloud from OS_* when no cloud is named', () => {
    expect(resolve({ env, ...files })).toEqual({
      name: 'envvars',
      source: 'environment variables',
      auth: {
        type: 'password',
        authUrl: 'http://keystone:5000/v3',
        user: { name: 'envuser', domain: { name: 'UD' } },
        password: 'env-password',
        scope: { kind: 'project', project: { name: 'envproject', domain: { id: 'pd-id' } } },
      },
      regionName: 'RegionTwo',
      interface: 'internal',
      verify: true,
      cacert: '/etc/ssl/ca.pem',
      endpointOverrides: {},
    })
  })

  it('ignores OS_* variables when a cloud is named', () => {
    expect(resolve({ env, ...files, cloud: 'prod' }).auth).toMatchObject({
      password: 'very-secret-password',
    })
  })

  it('reads application credentials, tokens and OS_INSECURE', () => {
    const appcred = resolve({
      env: {
        OS_AUTH_URL: 'http://k/v3',
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: 'ac-id',
        OS_APPLICATION_CREDENTIAL_SECRET: 'ac-secret',
        OS_INSECURE: 'True',
      },
    })
    expect(appcred.auth).toEqual({
      type: 'v3applicationcredential',
      authUrl: 'http://k/v3',
      credential: { id: 'ac-id' },
      secret: 'ac-secret',
    })
    expect(appcred.verify).toBe(false)
    const token = resolve({
      env: { OS_AUTH_URL: 'http://k/v3', OS_TOKEN: 'tok', OS_PROJECT_ID: 'p' },
    })
    expect(token.auth).toEqual({
      type: 'token',
      authUrl: 'http://k/v3',
      token: 'tok',
      scope: { kind: 'project', project: { id: 'p' } },
    })
    const named = resolve({
      env: {
        OS_AUTH_URL: 'http://k/v3',
        OS_APPLICATION_CREDENTIAL_NAME: 'ci',
        OS_APPLICATION_CREDENTIAL_SECRET: 's',
        OS_USER_ID: 'uid',
      },
    })
    expect(named.auth).toMatchObject({ credential: { name: 'ci', user: { id: 'uid' } } })
  })

  it('does not make a cloud of selectors only (OS_CLOUD, OS_REGION_NAME)', () => {
    expect(resolve({ ...files, env: { OS_CLOUD: 'prod', OS_REGION_NAME: 'x' } }).name).toBe('prod')
  })
})

describe('resolveCloudConfig: errors are one clear line without secrets', () => {
  it('names an unknown cloud, the file and the choices', () => {
    expect(errorOf(() => resolve({ ...files, cloud: 'x' }))).toBe(
      "Unknown cloud 'x' in /etc/openstack/clouds.yaml; expected one of: prod, appcred, appcred-by-name",
    )
  })

  it('asks for a cloud when several exist and none is named', () => {
    expect(errorOf(() => resolve(files))).toBe(
      'No cloud selected in /etc/openstack/clouds.yaml; set --cloud or OS_CLOUD to one of: prod, appcred, appcred-by-name',
    )
  })

  it('says where it looked when there is no configuration at all', () => {
    expect(
      errorOf(() => resolve({ searched: ['./clouds.yaml', '/etc/openstack/clouds.yaml'] })),
    ).toBe(
      'No OpenStack credentials: no clouds.yaml found (searched ./clouds.yaml, /etc/openstack/clouds.yaml) and no OS_AUTH_URL etc. in the environment; provide a clouds.yaml and --cloud, or the OS_* variables',
    )
    expect(errorOf(() => resolve({ cloud: 'prod', searched: ['./clouds.yaml'] }))).toBe(
      "Unknown cloud 'prod': no clouds.yaml found (searched ./clouds.yaml) and no OS_AUTH_URL etc. in the environment; provide a clouds.yaml and --cloud, or the OS_* variables",
    )
  })

  it('names the missing setting and where to put it', () => {
    expect(errorOf(() => resolve({ env: { OS_USERNAME: 'u', OS_PASSWORD: 'pw-123456' } }))).toBe(
      'The OS_* environment variables: auth_url is missing; set OS_AUTH_URL',
    )
    expect(errorOf(() => resolve({ clouds: files.clouds, cloud: 'prod' }))).toBe(
      "Cloud 'prod' in /etc/openstack/clouds.yaml: password is missing for auth_type password; set auth.password",
    )
  })

  it('rejects unsupported auth types and interfaces', () => {
    const yaml = `clouds:
  o: {auth_type: v3oidcpassword, auth: {auth_url: 'http://k/v3'}}
  i: {interface: private, auth: {auth_url: 'http://k/v3', username: u, password: p}}
`
    const clouds = { path: '/c.yaml', content: yaml }
    expect(errorOf(() => resolve({ clouds, cloud: 'o' }))).toBe(
      "Cloud 'o' in /c.yaml: auth_type 'v3oidcpassword' is not supported; expected one of: password, v3password, token, v3token, v3applicationcredential",
    )
    expect(errorOf(() => resolve({ clouds, cloud: 'i' }))).toBe(
      "Cloud 'i' in /c.yaml: interface 'private' is not valid; expected one of: public, internal, admin",
    )
  })

  it('reports a broken YAML file with its path and position, without its content', () => {
    const message = errorOf(() =>
      resolve({ clouds: { path: '/c.yaml', content: 'clouds:\n  x: [password: hunter2' } }),
    )
    expect(message).toMatch(/^Cannot parse \/c\.yaml: /)
    expect(message).not.toContain('\n')
  })

  it('never puts a secret into a message', () => {
    const yaml = `clouds:\n  c: {auth: {auth_url: 'http://k/v3', password: hunter2-secret}}\n`
    const message = errorOf(() => resolve({ clouds: { path: '/c.yaml', content: yaml } }))
    expect(message).toBe(
      "Cloud 'c' in /c.yaml: username is missing for auth_type password; set auth.username",
    )
    expect(message).not.toContain('hunter2')
  })

  it('names an invalid region entry by its place, not by its values (they may hold a password)', () => {
    const yaml = `clouds:
  c:
    auth: {auth_url: 'http://k/v3', username: u, password: p}
    regions:
      - north
      - {name: south, values: {auth: {password: hunter2-region}}, extra: 1}
`
    expect(errorOf(() => resolve({ clouds: { path: '/c.yaml', content: yaml } }))).toBe(
      "Cloud 'c' in /c.yaml: region entry 2 ('south') is invalid; expected a name or {name, values} with values a mapping",
    )
  })
})
