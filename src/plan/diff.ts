// docs/behaviour.md §5: the smallest set of changes that brings an existing image to its desired state. Pure.
import type { DesiredImage, Rotation } from './desire.js'
import type { CloudImage } from './observed.js'
import type { Change } from './types.js'

const GiB = 2 ** 30

/** Keys that Glance owns or that other tools set: never removed. */
export function isProtectedProperty(key: string): boolean {
  return (
    key.startsWith('os_') ||
    key.startsWith('owner_specified.') ||
    ['self', 'schema', 'file', 'stores', 'locations', 'direct_url', 'virtual_size'].includes(key)
  )
}

/** Booleans compare case-insensitively: an adopted cloud has 'true' where we write 'True'. */
const sameValue = (a: string, b: string): boolean =>
  a === b || (/^(true|false)$/i.test(a) && a.toLowerCase() === b.toLowerCase())

/** min_disk is at least the image size in GiB, rounded up. */
export const desiredMinDisk = (minDisk: number, size: number | null | undefined): number =>
  Math.max(minDisk, size ? Math.ceil(size / GiB) : 0)

/** Properties to set: the wanted ones Glance lacks or holds with another value. */
function propertyChanges(
  wanted: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): Change[] {
  const changes: Change[] = []
  for (const [key, to] of Object.entries(wanted)) {
    const from = current[key]
    if (from === undefined) changes.push({ field: 'property', key, to })
    else if (!sameValue(from, to)) changes.push({ field: 'property', key, from, to })
  }
  return changes
}

/** osHidden undefined: os_hidden is not ours to set. */
function hiddenChange(osHidden: boolean | undefined, image: CloudImage): Change[] {
  return osHidden !== undefined && Boolean(image.os_hidden) !== osHidden
    ? [{ field: 'os_hidden', from: Boolean(image.os_hidden), to: osHidden }]
    : []
}

/**
 * A replaced build no version of the definition lists any more: only the rotation
 * settings are its business (its other properties are left as the build had them).
 */
export const diffRotated = (rotation: Rotation, image: CloudImage): Change[] => [
  ...propertyChanges(rotation.properties, image.properties),
  ...hiddenChange(rotation.hidden, image),
]

export interface DiffOptions {
  /** Outside the retention window: retention, not the definition, decides visibility and status. */
  retiring?: boolean
}

export interface ImageDiff {
  changes: Change[]
  status?: 'deactivate' | 'reactivate'
}

export function diffImage(
  desired: DesiredImage,
  image: CloudImage,
  options: DiffOptions = {},
): ImageDiff {
  const changes: Change[] = []
  const current = image.properties
  // A key the definition names but gives no value (null) is left as Glance has it:
  // every key it gives a value is in the desired properties.
  const named = { ...desired.definition.meta, ...desired.version.meta }
  changes.push(...propertyChanges(desired.properties, current))
  for (const [key, from] of Object.entries(current)) {
    if (!(key in desired.properties) && !isProtectedProperty(key) && !(key in named)) {
      changes.push({ field: 'property', key, from })
    }
  }
  const minDisk = desiredMinDisk(desired.minDisk, image.size)
  if (image.min_disk !== minDisk)
    changes.push({ field: 'min_disk', from: image.min_disk, to: minDisk })
  if (image.min_ram !== desired.minRam) {
    changes.push({ field: 'min_ram', from: image.min_ram, to: desired.minRam })
  }
  if (!options.retiring && image.visibility !== desired.visibility) {
    changes.push({ field: 'visibility', from: image.visibility, to: desired.visibility })
  }
  changes.push(...hiddenChange(desired.osHidden, image))
  const add = desired.tags.filter((t) => !image.tags.includes(t))
  const remove = image.tags.filter((t) => !desired.tags.includes(t)).sort()
  if (add.length || remove.length) changes.push({ field: 'tags', add, remove, to: desired.tags })

  const diff: ImageDiff = { changes }
  if (options.retiring) return diff
  if (desired.status === 'deactivated' && image.status === 'active') diff.status = 'deactivate'
  if (desired.status === 'active' && image.status === 'deactivated') diff.status = 'reactivate'
  return diff
}
