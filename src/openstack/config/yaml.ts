// Reading and combining the raw documents of clouds.yaml and secure.yaml the
// way openstacksdk does (PyYAML's YAML 1.1, secure.yaml deep-merged on top,
// keys with '-' read as '_', numbers read as strings).

import { YAML11_SCHEMA, YAMLException, load } from 'js-yaml'
import { ConfigError } from '../../problems.js'
import { jsonSyntaxError } from './json-syntax.js'

export type RawConfig = Record<string, unknown>

export function isRecord(value: unknown): value is RawConfig {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * What is wrong and where, never the text: parsers quote the lines around an
 * error (JSON.parse even the middle of one), and those lines hold passwords.
 */
function syntaxError(error: unknown, content: string, path: string): string {
  const hidden = '(the text is not shown: it may hold secrets)'
  if (path.endsWith('.json')) {
    const found = jsonSyntaxError(content)
    return found
      ? `${found.reason} at line ${found.line}, column ${found.column} ${hidden}`
      : `not valid JSON ${hidden}`
  }
  if (error instanceof YAMLException) {
    // Reasons like `unknown tag !<...>` or `unidentified alias "..."` end in the text itself.
    const reason = error.reason.replace(/\s*["'`!<&*].*$/s, '') || 'invalid YAML'
    const at = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : ''
    return `${reason}${at} ${hidden}`
  }
  return `not valid YAML ${hidden}`
}

/** Parse one clouds.yaml / secure.yaml (or .json) document. */
export function parseConfigDocument(content: string, path: string): RawConfig {
  if (content.trim() === '') throw new ConfigError(`${path} is empty: expected a 'clouds:' mapping`)
  let data: unknown
  try {
    data = path.endsWith('.json') ? JSON.parse(content) : load(content, { schema: YAML11_SCHEMA })
  } catch (error) {
    throw new ConfigError(`Cannot parse ${path}: ${syntaxError(error, content, path)}`)
  }
  if (!isRecord(data))
    throw new ConfigError(`${path} is not a mapping: expected a 'clouds:' mapping`)
  return data
}

/** openstacksdk's merge_clouds: values of `overlay` win, mappings merge recursively. */
export function mergeClouds(base: RawConfig, overlay: RawConfig): RawConfig {
  const result: RawConfig = { ...base }
  for (const [key, value] of Object.entries(overlay)) {
    const current = result[key]
    result[key] = isRecord(value) && isRecord(current) ? mergeClouds(current, value) : value
  }
  return result
}

/** Python's str() of a scalar, as openstacksdk applies it to most values. */
export function pyString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) return value.toISOString()
  return undefined
}

/**
 * openstacksdk's normalize_keys: '-' in keys becomes '_', numbers become
 * strings (except api_timeout), nested mappings are normalized too.
 */
export function normalizeKeys(config: RawConfig): RawConfig {
  const result: RawConfig = {}
  for (const [rawKey, value] of Object.entries(config)) {
    const key = rawKey.replace(/-/g, '_')
    if (isRecord(value)) result[key] = normalizeKeys(value)
    else if (typeof value === 'number' && key !== 'api_timeout') result[key] = String(value)
    else result[key] = value
  }
  return result
}

/** openstacksdk's get_boolean: only a real true or the string 'true' (any case) is true. */
export function sdkBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  return typeof value === 'string' && value.toLowerCase() === 'true'
}

/** The OS_* variables as openstacksdk's "envvars" cloud, or undefined when there are only selectors. */
export function environmentCloud(env: Record<string, string | undefined>): RawConfig | undefined {
  const selectors = new Set([
    'OS_CLOUD',
    'OS_REGION_NAME',
    'OS_CLIENT_CONFIG_FILE',
    'OS_CLIENT_SECURE_FILE',
    'OS_CLOUD_NAME',
  ])
  const keys = Object.keys(env).filter(
    (key) =>
      key.startsWith('OS_') &&
      !key.startsWith('OS_TEST') &&
      !key.startsWith('OS_STD') &&
      !key.startsWith('OS_LOG') &&
      env[key] !== undefined,
  )
  if (!keys.some((key) => !selectors.has(key))) return undefined
  const cloud: RawConfig = {}
  for (const key of keys) cloud[key.slice(3).toLowerCase()] = env[key]
  return cloud
}
