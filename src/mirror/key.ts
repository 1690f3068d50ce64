// Where a build lives in the mirror bucket (docs/behaviour.md §10 layout):
// {prefix}{shortname}/{version}-{shortname}.{format}.
import type { Definition, Version } from '../definitions/types.js'

/** '' or the prefix with exactly one trailing slash and no leading one. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+/, '').replace(/\/+$/, '')
  return trimmed === '' ? '' : `${trimmed}/`
}

/** The object key of one version, or an Error naming why it has none. */
export function mirrorKey(
  def: Pick<Definition, 'name' | 'shortname' | 'format'>,
  version: Pick<Version, 'version'>,
  prefix?: string,
): string | Error {
  if (!def.shortname) return new Error(`${def.name} has no shortname, so it has no mirror key`)
  if (/[/\\]|^\.\.?$/.test(def.shortname) || /[/\\]/.test(version.version))
    return new Error(
      `${def.name} ${version.version}: shortname and version may not contain '/' in a mirror key`,
    )
  return `${normalizePrefix(prefix)}${def.shortname}/${version.version}-${def.shortname}.${def.format}`
}
