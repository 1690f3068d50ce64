// The last phase of resolving a cloud: its merged settings to a typed AuthConfig
// (auth type, user, scope and the secrets that type needs).

import type { AuthConfig, NameOrId, Scope, UserRef } from './types.js'
import { pyString, type RawConfig } from './yaml.js'
import { ConfigError } from '../../problems.js'

const AUTH_TYPES: Record<string, AuthConfig['type']> = {
  password: 'password',
  v3password: 'password',
  token: 'token',
  v3token: 'token',
  v3applicationcredential: 'v3applicationcredential',
}

/** The cloud's settings as auth reads them, with what error messages need to name them. */
interface AuthSettings {
  where: string
  explicitType: string | undefined
  /** An `auth` value wins over a top-level one; '' counts as unset. */
  get: (key: string) => string | undefined
  /** Where the user would set `key`: an OS_* variable or the cloud's `auth.` key. */
  hint: (key: string) => string
}

export function authConfigOf(
  config: RawConfig,
  auth: RawConfig,
  where: string,
  fromEnv: boolean,
): AuthConfig {
  const settings: AuthSettings = {
    where,
    explicitType: pyString(config.auth_type) ?? pyString(config.auth_plugin),
    get: (key) => {
      const value = pyString(auth[key]) ?? pyString(config[key])
      return value === '' ? undefined : value
    },
    hint: (key) => (fromEnv ? `OS_${key.toUpperCase()}` : `auth.${key}`),
  }
  const authUrl = settings.get('auth_url')
  if (authUrl === undefined)
    throw new ConfigError(`${where}: auth_url is missing; set ${settings.hint('auth_url')}`)

  const type = authTypeOf(settings)
  if (type === 'password') return passwordAuth(settings, authUrl)
  if (type === 'token') {
    return { type, authUrl, token: need(settings, type, 'token'), scope: scopeOf(settings) }
  }
  return applicationCredentialAuth(settings, authUrl)
}

/** The explicit auth_type, else guessed from which secret is set. */
function authTypeOf({ where, explicitType, get }: AuthSettings): AuthConfig['type'] {
  if (explicitType) {
    const type = AUTH_TYPES[explicitType]
    if (type === undefined) {
      throw new ConfigError(
        `${where}: auth_type '${explicitType}' is not supported; expected one of: ${Object.keys(AUTH_TYPES).join(', ')}`,
      )
    }
    return type
  }
  if (get('application_credential_secret') !== undefined) return 'v3applicationcredential'
  if (get('token') !== undefined && get('password') === undefined) return 'token'
  return 'password'
}

function passwordAuth(settings: AuthSettings, authUrl: string): AuthConfig {
  const { where, explicitType, hint } = settings
  const type = 'password'
  const who = userOf(settings)
  if (who === undefined)
    throw new ConfigError(
      `${where}: username is missing for auth_type ${explicitType ?? type}; set ${hint('username')}`,
    )
  return {
    type,
    authUrl,
    user: who,
    password: need(settings, type, 'password'),
    scope: scopeOf(settings),
  }
}

function applicationCredentialAuth(settings: AuthSettings, authUrl: string): AuthConfig {
  const { where, get, hint } = settings
  const type = 'v3applicationcredential'
  const secret = need(settings, type, 'application_credential_secret')
  const id = get('application_credential_id')
  const credentialName = get('application_credential_name')
  const who = userOf(settings)
  if (id) return { type, authUrl, credential: { id }, secret }
  if (credentialName && who)
    return { type, authUrl, credential: { name: credentialName, user: who }, secret }
  if (credentialName)
    throw new ConfigError(
      `${where}: application_credential_name needs the user too; set ${hint('username')} or ${hint('user_id')}`,
    )
  throw new ConfigError(
    `${where}: application_credential_id is missing; set ${hint('application_credential_id')}`,
  )
}

function need(settings: AuthSettings, type: AuthConfig['type'], key: string): string {
  const value = settings.get(key)
  if (value === undefined)
    throw new ConfigError(
      `${settings.where}: ${key} is missing for auth_type ${settings.explicitType ?? type}; set ${settings.hint(key)}`,
    )
  return value
}

function defaultDomain({ get }: AuthSettings): NameOrId {
  const id = get('default_domain_id')
  const domainName = get('default_domain_name')
  return id ? { id } : domainName ? { name: domainName } : { id: 'default' }
}

function domainOf(settings: AuthSettings, prefix: 'user' | 'project'): NameOrId {
  const id = settings.get(`${prefix}_domain_id`)
  const domainName = settings.get(`${prefix}_domain_name`)
  return id ? { id } : domainName ? { name: domainName } : defaultDomain(settings)
}

function userOf(settings: AuthSettings): UserRef | undefined {
  const id = settings.get('user_id')
  const username = settings.get('username') ?? settings.get('user_name')
  return id ? { id } : username ? { name: username, domain: domainOf(settings, 'user') } : undefined
}

function scopeOf(settings: AuthSettings): Scope {
  const { get } = settings
  const projectId = get('project_id')
  const projectName = get('project_name')
  if (projectId) return { kind: 'project', project: { id: projectId } }
  if (projectName)
    return {
      kind: 'project',
      project: { name: projectName, domain: domainOf(settings, 'project') },
    }
  const domainId = get('domain_id')
  const domainName = get('domain_name')
  if (domainId) return { kind: 'domain', domain: { id: domainId } }
  if (domainName) return { kind: 'domain', domain: { name: domainName } }
  if (get('system_scope')) return { kind: 'system' }
  return { kind: 'unscoped' }
}
