// Cloud configuration exactly like openstacksdk reads it, as a pure function
// from the files' content, the environment and the cloud name to a typed
// CloudConfig. Reading the files is loader.ts's job.

import type { AuthConfig, CloudConfig, NameOrId, Scope, UserRef } from './types.js'
import {
  apiTimeout,
  endpointInterface,
  endpointOverrides,
  knownRegions,
  optionalPath,
  verifyOf,
} from './settings.js'
import {
  environmentCloud,
  isRecord,
  mergeClouds,
  normalizeKeys,
  parseConfigDocument,
  pyString,
  type RawConfig,
} from './yaml.js'
import { ConfigError } from '../../problems.js'

export interface ConfigFile {
  path: string
  content: string
}

export interface ConfigSources {
  /** The clouds.yaml found first on the search path (or given as content). */
  clouds?: ConfigFile
  /** The secure.yaml found first on its search path; deep-merged over clouds. */
  secure?: ConfigFile
  env: Record<string, string | undefined>
  /** `--cloud NAME`; falls back to OS_CLOUD. */
  cloud?: string
  /** An explicit region; must be one of the cloud's regions when it lists some. */
  regionName?: string
  /** Where clouds.yaml was looked for, for the message when nothing was found. */
  searched?: readonly string[]
  /** Home directory, to expand `~` in cacert/cert/key. */
  home?: string
}

const AUTH_TYPES: Record<string, AuthConfig['type']> = {
  password: 'password',
  v3password: 'password',
  token: 'token',
  v3token: 'token',
  v3applicationcredential: 'v3applicationcredential',
}

/** openstacksdk's _fix_backwards_auth: aliases moved into `auth`, top-level values winning. */
const AUTH_ALIASES: Record<string, readonly string[]> = {
  domain_id: ['domain_id'],
  domain_name: ['domain_name'],
  user_domain_id: ['user_domain_id'],
  user_domain_name: ['user_domain_name'],
  project_domain_id: ['project_domain_id'],
  project_domain_name: ['project_domain_name'],
  token: ['auth_token', 'token'],
  project_id: ['tenant_id', 'project_id'],
  project_name: ['tenant_name', 'project_name'],
}

export function resolveCloudConfig(sources: ConfigSources): CloudConfig {
  const { env } = sources
  let document: RawConfig = {}
  if (sources.clouds) document = parseConfigDocument(sources.clouds.content, sources.clouds.path)
  if (sources.secure) {
    document = mergeClouds(
      document,
      parseConfigDocument(sources.secure.content, sources.secure.path),
    )
  }
  const filePath = sources.clouds?.path ?? sources.secure?.path
  if (document.clouds !== undefined && document.clouds !== null && !isRecord(document.clouds)) {
    throw new ConfigError(`'clouds' in ${filePath} must be a mapping of cloud names to settings`)
  }
  const fileClouds: RawConfig = isRecord(document.clouds) ? document.clouds : {}
  const envKey = env.OS_CLOUD_NAME || 'envvars'
  const envCloud = environmentCloud(env)
  if (envCloud && envKey in fileClouds) {
    throw new ConfigError(
      `${filePath} defines a cloud named '${envKey}', which is also the name of the OS_* environment cloud; rename one of them`,
    )
  }
  const clouds: RawConfig = envCloud ? { ...fileClouds, [envKey]: envCloud } : fileClouds
  const names = Object.keys(clouds)
  const fileNames = Object.keys(fileClouds)

  let name = sources.cloud || env.OS_CLOUD || undefined
  if (name === undefined && envCloud) name = envKey
  if (name === undefined && names.length === 1) name = names[0]
  if (names.length === 0) {
    const searched = sources.searched?.length ? ` (searched ${sources.searched.join(', ')})` : ''
    const prefix = name === undefined ? 'No OpenStack credentials' : `Unknown cloud '${name}'`
    throw new ConfigError(
      `${prefix}: no clouds.yaml found${searched} and no OS_AUTH_URL etc. in the environment; provide a clouds.yaml and --cloud, or the OS_* variables`,
    )
  }
  if (name === undefined) {
    throw new ConfigError(
      `No cloud selected in ${filePath}; set --cloud or OS_CLOUD to one of: ${fileNames.join(', ')}`,
    )
  }
  if (!(name in clouds)) {
    if (fileNames.length === 0) {
      const searched = sources.searched?.length ? ` (searched ${sources.searched.join(', ')})` : ''
      throw new ConfigError(`Unknown cloud '${name}': no clouds.yaml found${searched}`)
    }
    throw new ConfigError(
      `Unknown cloud '${name}' in ${filePath}; expected one of: ${fileNames.join(', ')}`,
    )
  }
  const fromEnv = envCloud !== undefined && name === envKey
  const where = fromEnv ? 'The OS_* environment variables' : `Cloud '${name}' in ${filePath}`
  const hint = (key: string): string => (fromEnv ? `OS_${key.toUpperCase()}` : `auth.${key}`)
  const raw = clouds[name]
  if (!isRecord(raw)) throw new ConfigError(`${where} is not a mapping of settings`)
  if (raw.profile !== undefined || raw.cloud !== undefined) {
    const profile = pyString(raw.profile ?? raw.cloud)
    throw new ConfigError(
      `${where} uses the vendor profile '${profile}', which is not supported; write its auth_url and region_name into the cloud instead`,
    )
  }

  let config = normalizeKeys(raw)
  let auth: RawConfig = isRecord(config.auth) ? { ...config.auth } : {}
  delete config.auth

  // Region: an explicit one must be known; otherwise the first of `regions`/`region_name`.
  const regions = knownRegions(config, where)
  delete config.regions
  let regionName = sources.regionName || undefined
  if (regions.length > 0) {
    const region =
      regionName === undefined ? regions[0] : regions.find((r) => r.name === regionName)
    if (region === undefined) {
      throw new ConfigError(
        `Unknown region '${regionName}' for cloud '${name}'; expected one of: ${regions.map((r) => r.name).join(', ')}`,
      )
    }
    regionName = region.name
    const values = normalizeKeys(region.values)
    if (isRecord(values.auth)) auth = { ...auth, ...values.auth }
    delete values.auth
    config = { ...config, ...values }
  }

  // magic_fixes
  const explicitType = pyString(config.auth_type) ?? pyString(config.auth_plugin)
  for (const [target, aliases] of Object.entries(AUTH_ALIASES)) {
    let value: unknown
    for (const alias of aliases) {
      if (alias in auth) value = auth[alias]
      if (alias in config) value = config[alias]
      delete auth[alias]
      delete config[alias]
    }
    const text = pyString(value)
    if (text) auth[target] = text
  }
  const projectScoped = auth.project_id !== undefined || auth.project_name !== undefined
  for (const [target, keys] of [
    ['domain_id', ['user_domain_id', 'project_domain_id']],
    ['domain_name', ['user_domain_name', 'project_domain_name']],
  ] as const) {
    if (!projectScoped) continue
    for (const key of keys)
      if (auth[target] !== undefined && auth[key] === undefined) auth[key] = auth[target]
    delete auth[target]
  }

  const get = (key: string): string | undefined => {
    const value = pyString(auth[key]) ?? pyString(config[key])
    return value === '' ? undefined : value
  }
  const authUrl = get('auth_url')
  if (authUrl === undefined)
    throw new ConfigError(`${where}: auth_url is missing; set ${hint('auth_url')}`)

  let type: AuthConfig['type'] | undefined
  if (explicitType) {
    type = AUTH_TYPES[explicitType]
    if (type === undefined) {
      throw new ConfigError(
        `${where}: auth_type '${explicitType}' is not supported; expected one of: ${Object.keys(AUTH_TYPES).join(', ')}`,
      )
    }
  } else if (get('application_credential_secret') !== undefined) type = 'v3applicationcredential'
  else if (get('token') !== undefined && get('password') === undefined) type = 'token'
  else type = 'password'

  const defaultDomain = (): NameOrId => {
    const id = get('default_domain_id')
    const domainName = get('default_domain_name')
    return id ? { id } : domainName ? { name: domainName } : { id: 'default' }
  }
  const domainOf = (prefix: 'user' | 'project'): NameOrId => {
    const id = get(`${prefix}_domain_id`)
    const domainName = get(`${prefix}_domain_name`)
    return id ? { id } : domainName ? { name: domainName } : defaultDomain()
  }
  const user = (): UserRef | undefined => {
    const id = get('user_id')
    const username = get('username') ?? get('user_name')
    return id ? { id } : username ? { name: username, domain: domainOf('user') } : undefined
  }
  const scope = (): Scope => {
    const projectId = get('project_id')
    const projectName = get('project_name')
    if (projectId) return { kind: 'project', project: { id: projectId } }
    if (projectName)
      return { kind: 'project', project: { name: projectName, domain: domainOf('project') } }
    const domainId = get('domain_id')
    const domainName = get('domain_name')
    if (domainId) return { kind: 'domain', domain: { id: domainId } }
    if (domainName) return { kind: 'domain', domain: { name: domainName } }
    if (get('system_scope')) return { kind: 'system' }
    return { kind: 'unscoped' }
  }
  const need = (key: string, what = key): string => {
    const value = get(key)
    if (value === undefined)
      throw new ConfigError(
        `${where}: ${what} is missing for auth_type ${explicitType ?? type}; set ${hint(key)}`,
      )
    return value
  }

  let authConfig: AuthConfig
  if (type === 'password') {
    const who = user()
    if (who === undefined)
      throw new ConfigError(
        `${where}: username is missing for auth_type ${explicitType ?? type}; set ${hint('username')}`,
      )
    authConfig = { type, authUrl, user: who, password: need('password'), scope: scope() }
  } else if (type === 'token') {
    authConfig = { type, authUrl, token: need('token'), scope: scope() }
  } else {
    const secret = need('application_credential_secret')
    const id = get('application_credential_id')
    const credentialName = get('application_credential_name')
    const who = user()
    if (id) authConfig = { type, authUrl, credential: { id }, secret }
    else if (credentialName && who)
      authConfig = { type, authUrl, credential: { name: credentialName, user: who }, secret }
    else if (credentialName)
      throw new ConfigError(
        `${where}: application_credential_name needs the user too; set ${hint('username')} or ${hint('user_id')}`,
      )
    else
      throw new ConfigError(
        `${where}: application_credential_id is missing; set ${hint('application_credential_id')}`,
      )
  }

  return {
    name,
    source: fromEnv ? 'environment variables' : (filePath ?? 'clouds.yaml'),
    auth: authConfig,
    ...(regionName ? { regionName } : {}),
    interface: endpointInterface(config, where),
    verify: verifyOf(config),
    ...optionalPath('cacert', config, sources.home),
    ...optionalPath('cert', config, sources.home),
    ...optionalPath('key', config, sources.home),
    endpointOverrides: endpointOverrides(config),
    ...apiTimeout(config, where),
  }
}
