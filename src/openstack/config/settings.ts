// Settings of a cloud besides its credentials: regions, interface, TLS,
// endpoint overrides and timeout, read the way openstacksdk reads them.

import type { CloudConfig, EndpointInterface } from './types.js'
import { ENDPOINT_INTERFACES } from './types.js'
import { isRecord, pyString, sdkBoolean, type RawConfig } from './yaml.js'
import { ConfigError } from '../../problems.js'

export interface Region {
  name: string
  values: RawConfig
}

export function knownRegions(config: RawConfig, where: string): Region[] {
  const list: unknown = config.regions ?? config.region_name
  if (list === undefined || list === null || list === '') return []
  const entries = Array.isArray(list) ? list : String(pyString(list)).split(',')
  return entries.map((entry, index): Region => {
    if (isRecord(entry)) {
      const regionName = pyString(entry.name)
      const values = entry.values ?? {}
      if (
        !regionName ||
        !isRecord(values) ||
        Object.keys(entry).some((k) => k !== 'name' && k !== 'values')
      ) {
        // Never the entry itself: its values may hold an auth section with a password.
        throw new ConfigError(
          `${where}: region entry ${index + 1}${regionName ? ` ('${regionName}')` : ''} is invalid; expected a name or {name, values} with values a mapping`,
        )
      }
      return { name: regionName, values }
    }
    return { name: String(pyString(entry) ?? '').trim(), values: {} }
  })
}

export function endpointInterface(config: RawConfig, where: string): EndpointInterface {
  const raw = pyString(config.interface ?? config.endpoint_type) ?? 'public'
  const value = raw.replace(/URL$/, '').toLowerCase()
  if (!(ENDPOINT_INTERFACES as readonly string[]).includes(value)) {
    throw new ConfigError(
      `${where}: interface '${raw}' is not valid; expected one of: ${ENDPOINT_INTERFACES.join(', ')}`,
    )
  }
  return value as EndpointInterface
}

export function verifyOf(config: RawConfig): boolean {
  if (sdkBoolean(config.insecure)) return false
  const verify = config.verify
  if (verify === undefined || verify === null) return true
  if (typeof verify === 'boolean') return verify
  return !['false', 'no', '0', 'off'].includes(String(pyString(verify)).toLowerCase())
}

export function optionalPath(
  key: 'cacert' | 'cert' | 'key',
  config: RawConfig,
  home: string | undefined,
): Partial<CloudConfig> {
  const value = pyString(config[key])
  if (!value) return {}
  return {
    [key]: home !== undefined && value.startsWith('~/') ? `${home}${value.slice(1)}` : value,
  }
}

export function endpointOverrides(config: RawConfig): Record<string, string> {
  const overrides: Record<string, string> = {}
  for (const [key, value] of Object.entries(config)) {
    const match = /^(.+)_endpoint_override$/.exec(key)
    const text = pyString(value)
    if (match?.[1] && text) overrides[match[1]] = text
  }
  return overrides
}

export function apiTimeout(config: RawConfig, where: string): Partial<CloudConfig> {
  if (config.api_timeout === undefined || config.api_timeout === null || config.api_timeout === '')
    return {}
  const seconds = Number(config.api_timeout)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ConfigError(
      `${where}: api_timeout '${String(config.api_timeout)}' is not a positive number of seconds`,
    )
  }
  return { apiTimeoutMs: seconds * 1000 }
}
