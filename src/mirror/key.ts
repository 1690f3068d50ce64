// Where a build lives in the mirror bucket (docs/behaviour.md §10 layout):
// {prefix}{shortname}/{version}-{shortname}.{format}, and the public url of a key.
import type { Definition, Version } from '../definitions/types.js'

/**
 * The characters a shortname and each prefix segment may use: they become keys
 * and url paths as they are, so nothing a url or a path would read (`?`, `#`,
 * `%`, `/`, `..`).
 */
export const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * '' or the prefix with exactly one trailing slash and no leading one, empty
 * and `.` segments dropped; an Error for a segment that climbs (`..`) or uses
 * another character than KEY_SEGMENT's.
 */
export function checkPrefix(prefix: string | undefined): string | Error {
  const segments = (prefix ?? '').split('/').filter((s) => s !== '' && s !== '.')
  const bad = segments.find((s) => !KEY_SEGMENT.test(s))
  if (bad !== undefined)
    return new Error(
      `the mirror prefix '${prefix}' has the segment '${bad}': each part between slashes must be letters, digits, '.', '_' or '-', starting with a letter or digit (no '..')`,
    )
  return segments.length === 0 ? '' : `${segments.join('/')}/`
}

/** checkPrefix for a prefix already checked (s3Settings refuses the others): throws on a bad one. */
export function normalizePrefix(prefix: string | undefined): string {
  const checked = checkPrefix(prefix)
  if (checked instanceof Error) throw checked
  return checked
}

/** The object key of one version, or an Error naming why it has none. */
export function mirrorKey(
  def: Pick<Definition, 'name' | 'shortname' | 'format'>,
  version: Pick<Version, 'version'>,
  prefix?: string,
): string | Error {
  if (!def.shortname) return new Error(`${def.name} has no shortname, so it has no mirror key`)
  if (!KEY_SEGMENT.test(def.shortname))
    return new Error(
      `${def.name}: shortname '${def.shortname}' may only use letters, digits, '.', '_' and '-' in a mirror key`,
    )
  if (/[/\\]|^\.\.?$/.test(version.version))
    return new Error(
      `${def.name} ${version.version}: a version may not contain '/' or be '.' or '..' in a mirror key`,
    )
  const checked = checkPrefix(prefix)
  if (checked instanceof Error) return checked
  return `${checked}${def.shortname}/${version.version}-${def.shortname}.${def.format}`
}

/** `{publicUrl}/{key}`, each key segment percent-encoded. */
export function publicUrlOf(publicUrl: string, key: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`
}
