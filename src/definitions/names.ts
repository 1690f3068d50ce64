// Glance names of a definition's versions (docs/behaviour.md §2).
import { naturalCompare } from '../natural-sort.js'
import type { Definition, Version } from './types.js'

/** `latest` always counts as the newest build; otherwise natural order. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0
  if (a === 'latest') return 1
  if (b === 'latest') return -1
  return naturalCompare(a, b)
}

/** Versions oldest first. */
export const sortedVersions = (def: Pick<Definition, 'versions'>): Version[] =>
  [...def.versions].sort((a, b) => compareVersions(a.version, b.version))

/** Name of an older build of a multi image, after rotation: `Ubuntu 24.04 (20240416)`. */
export const rotatedName = (def: Pick<Definition, 'name' | 'separator'>, version: string): string =>
  `${def.name}${def.separator}(${version})`

/** The Glance name of each version: multi images rotate, others carry their version. */
export function glanceNames(
  def: Pick<Definition, 'name' | 'separator' | 'multi' | 'versions'>,
): { version: Version; name: string }[] {
  const versions = sortedVersions(def)
  return versions.map((version, i) => ({
    version,
    name: def.multi
      ? i === versions.length - 1
        ? def.name
        : rotatedName(def, version.version)
      : `${def.name}${def.separator}${version.version}`,
  }))
}
