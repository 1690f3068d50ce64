// JSON-Patch documents for PATCH /v2/images/{id}
// (application/openstack-images-v2.1-json-patch), built without a server:
// every change of an image in one request.

import { RESERVED_KEYS, type Image, type ImageVisibility } from './types.js'

export const JSON_PATCH_CONTENT_TYPE = 'application/openstack-images-v2.1-json-patch'

export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }

/** What an image should look like; absent keys are left as they are. */
export interface ImageUpdate {
  name?: string
  visibility?: ImageVisibility
  min_disk?: number
  min_ram?: number
  os_hidden?: boolean
  protected?: boolean
  /** The full tag list wanted (order does not matter). */
  tags?: readonly string[]
  /** A string sets the property, null removes it; unlisted properties stay. */
  properties?: Readonly<Record<string, string | null>>
}

/** JSON pointer escaping of one path segment (RFC 6901). */
export function pointer(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
}

const CORE_FIELDS = ['name', 'visibility', 'min_disk', 'min_ram', 'os_hidden', 'protected'] as const

/**
 * The operations that turn `current` into `desired`: `replace` for core
 * fields that differ, `add` for new properties, `replace` for changed ones,
 * `remove` for properties set to null that exist, and one `replace /tags`
 * when the set of tags differs. Empty when nothing changes.
 */
export function buildPatch(current: Image, desired: ImageUpdate): PatchOperation[] {
  const ops: PatchOperation[] = []
  for (const field of CORE_FIELDS) {
    const value = desired[field]
    if (value !== undefined && current[field] !== value)
      ops.push({ op: 'replace', path: pointer(field), value })
  }
  for (const [key, value] of Object.entries(desired.properties ?? {})) {
    if (RESERVED_KEYS.has(key)) throw new Error(`'${key}' is a Glance attribute, not a property`)
    const existing = current.properties[key]
    if (value === null) {
      if (existing !== undefined) ops.push({ op: 'remove', path: pointer(key) })
    } else if (existing === undefined) {
      ops.push({ op: 'add', path: pointer(key), value })
    } else if (existing !== value) {
      ops.push({ op: 'replace', path: pointer(key), value })
    }
  }
  if (desired.tags !== undefined && !sameSet(current.tags, desired.tags)) {
    ops.push({ op: 'replace', path: '/tags', value: [...new Set(desired.tags)].sort() })
  }
  return ops
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((item) => right.has(item))
}
