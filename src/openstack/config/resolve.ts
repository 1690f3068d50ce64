// Cloud configuration exactly like openstacksdk reads it, as a pure function
// from the files' content, the environment and the cloud name to a typed
// CloudConfig. Reading the files is loader.ts's job.

import type { CloudConfig } from './types.js'
import { authConfigOf } from './auth-config.js'
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

/** The clouds to choose from: the files' ones plus the OS_* environment cloud, if any. */
interface CloudSet {
  clouds: RawConfig
  fileNames: string[]
  filePath: string | undefined
  /** The environment cloud's name (OS_CLOUD_NAME or 'envvars'), when there is one. */
  envKey: string | undefined
}

export function resolveCloudConfig(sources: ConfigSources): CloudConfig {
  const set = readClouds(sources)
  const name = selectCloud(sources, set)
  const fromEnv = name === set.envKey
  const where = fromEnv ? 'The OS_* environment variables' : `Cloud '${name}' in ${set.filePath}`
  const raw = cloudEntry(set.clouds[name], where)

  const { config, auth, regionName } = applyRegion(raw, sources.regionName, name, where)
  fixBackwardsAuth(config, auth)

  return {
    name,
    source: fromEnv ? 'environment variables' : (set.filePath ?? 'clouds.yaml'),
    auth: authConfigOf(config, auth, where, fromEnv),
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

/** Parses clouds.yaml, merges secure.yaml over it and adds the environment cloud. */
function readClouds(sources: ConfigSources): CloudSet {
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
  return {
    clouds: envCloud ? { ...fileClouds, [envKey]: envCloud } : fileClouds,
    fileNames: Object.keys(fileClouds),
    filePath,
    envKey: envCloud ? envKey : undefined,
  }
}

/** The cloud asked for (--cloud, OS_CLOUD), else the environment one, else the only one. */
function selectCloud(sources: ConfigSources, set: CloudSet): string {
  const { clouds, fileNames, filePath, envKey } = set
  const names = Object.keys(clouds)
  let name = sources.cloud || sources.env.OS_CLOUD || undefined
  if (name === undefined && envKey !== undefined) name = envKey
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
  return name
}

/** The selected cloud's settings, which must be a mapping without a vendor profile. */
function cloudEntry(raw: unknown, where: string): RawConfig {
  if (!isRecord(raw)) throw new ConfigError(`${where} is not a mapping of settings`)
  if (raw.profile !== undefined || raw.cloud !== undefined) {
    const profile = pyString(raw.profile ?? raw.cloud)
    throw new ConfigError(
      `${where} uses the vendor profile '${profile}', which is not supported; write its auth_url and region_name into the cloud instead`,
    )
  }
  return raw
}

/**
 * Splits the settings from `auth` and merges the region's own values over both. An explicit
 * region must be known; otherwise the first of `regions`/`region_name`.
 */
function applyRegion(
  raw: RawConfig,
  requested: string | undefined,
  name: string,
  where: string,
): { config: RawConfig; auth: RawConfig; regionName: string | undefined } {
  let config = normalizeKeys(raw)
  let auth: RawConfig = isRecord(config.auth) ? { ...config.auth } : {}
  delete config.auth

  const regions = knownRegions(config, where)
  delete config.regions
  let regionName = requested || undefined
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
  return { config, auth, regionName }
}

/** openstacksdk's magic_fixes, in place: auth aliases moved into `auth`, domains spread. */
function fixBackwardsAuth(config: RawConfig, auth: RawConfig): void {
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
}
