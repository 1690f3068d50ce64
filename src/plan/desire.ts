// Definitions -> the images Glance should hold (docs/behaviour.md §2 and §3). Pure.
import { glanceNames, rotatedName } from '../definitions/names.js'
import type {
  Definition,
  DiskFormat,
  ImageStatus,
  Meta,
  Rotated,
  Version,
  Visibility,
} from '../definitions/types.js'

/** What a `latest` version resolved to upstream (Last-Modified date and checksum). */
export interface LatestInfo {
  internalVersion: string
  upstreamChecksum: string
}

export interface DesireOptions {
  /** The tag that marks managed images (default `managed_by_osism`). */
  tag: string
  useOsHidden: boolean
  /** `latest` versions resolved upstream, by definition name. */
  latest?: ReadonlyMap<string, LatestInfo>
}

export interface DesiredImage {
  definition: Definition
  version: Version
  /** The version as Glance records it in `internal_version`. */
  internalVersion: string
  /** Final Glance name. */
  name: string
  /** Name while importing: multi images are imported under their dated name, then rotated. */
  importName: string
  /** The newest version of its definition. */
  newest: boolean
  diskFormat: DiskFormat
  /** From the definition; the plan raises it to the image size once that is known. */
  minDisk: number
  minRam: number
  visibility: Visibility
  status: ImageStatus
  /** Only with `use-os-hidden`. */
  osHidden?: boolean
  tags: string[]
  /** Glance properties, values already in the form Glance stores (strings). */
  properties: Record<string, string>
  /** Where the bytes come from: the mirror first. */
  sourceUrl: string
  /** The url, when sourceUrl is the mirror: imported from when the mirror object is missing. */
  fallbackUrl?: string
  checksum?: string
  id?: string
}

/**
 * A property value as the old tool wrote it (Python's str()): booleans as
 * True/False, numbers in decimal, text as is. null means "not set".
 */
export function glanceValue(value: Meta[string]): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return String(value)
}

/** `file:` urls are recorded by base name only: local paths are nobody's business. */
const recordedSource = (url: string): string =>
  url.startsWith('file:') && url.includes('/') ? `file:${url.slice(url.lastIndexOf('/') + 1)}` : url

function properties(
  def: Definition,
  version: Version,
  internalVersion: string,
  latest: LatestInfo | undefined,
): Record<string, string> {
  const meta: Meta = { image_description: def.name, image_name: def.name, ...def.meta }
  if (version.image_description !== undefined) meta.image_description = version.image_description
  meta.internal_version = internalVersion
  meta.image_original_user = def.login
  if (latest) meta.upstream_checksum = latest.upstreamChecksum
  if (!def.multi) meta.os_version = version.version
  else if (version.os_version !== undefined) meta.os_version = version.os_version
  meta.image_source = recordedSource(version.url)
  if (version.build_date !== undefined) meta.image_build_date = version.build_date
  Object.assign(meta, version.meta)
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(meta)) {
    const text = glanceValue(value)
    if (text !== undefined) out[key] = text
  }
  return out
}

/** The tags a managed image carries: the managed tag, the definition's, os:<distro>. */
export function desiredTags(def: Definition, tag: string): string[] {
  const tags = new Set([tag, ...def.tags])
  const distro = glanceValue(def.meta.os_distro ?? null)
  if (distro) tags.add(`os:${distro}`)
  return [...tags].sort()
}

/** A bare upstream digest as `<algo>:<hex>`: its length tells the algorithm. */
function withAlgorithm(hex: string): string | undefined {
  const algorithm = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' }[hex.length]
  return algorithm && /^[0-9a-f]+$/i.test(hex) ? `${algorithm}:${hex.toLowerCase()}` : undefined
}

/** Every image of one definition, oldest version first. */
export function desireDefinition(def: Definition, options: DesireOptions): DesiredImage[] {
  const named = glanceNames(def)
  const tags = desiredTags(def, options.tag)
  return named.map(({ version, name }, i) => {
    const newest = i === named.length - 1
    const latest = version.version === 'latest' ? options.latest?.get(def.name) : undefined
    const internalVersion = latest?.internalVersion ?? version.version
    const desired: DesiredImage = {
      definition: def,
      version,
      internalVersion,
      name,
      importName: def.multi ? rotatedName(def, internalVersion) : name,
      newest,
      diskFormat: def.format,
      minDisk: def.min_disk,
      minRam: def.min_ram,
      visibility: version.visibility ?? def.visibility,
      status: def.status,
      tags,
      properties: properties(def, version, internalVersion, latest),
      sourceUrl: version.mirror_url ?? version.url,
    }
    // Deliberately differs from the old tool, whose comparison hid the newest too.
    if (options.useOsHidden) desired.osHidden = version.hidden ?? !newest
    if (version.mirror_url !== undefined && version.mirror_url !== version.url)
      desired.fallbackUrl = version.url
    const checksum = version.checksum ?? (latest && withAlgorithm(latest.upstreamChecksum))
    if (checksum) desired.checksum = checksum
    if (version.id !== undefined) desired.id = version.id
    return desired
  })
}

/** What a multi build gets once a newer build holds its name: Glance property values and os_hidden. */
export interface Rotation {
  properties: Record<string, string>
  hidden?: boolean
}

/**
 * The rotation settings of a definition: its own `rotated`, else the catalog-wide
 * default. None for non-multi definitions, and none when nothing is set (drop-in).
 */
export function rotationOf(def: Definition, defaults?: Rotated): Rotation | undefined {
  const rotated = def.rotated ?? defaults
  if (!def.multi || !rotated) return undefined
  const properties: Record<string, string> = {}
  for (const [key, value] of Object.entries(rotated.meta)) {
    const text = glanceValue(value)
    if (text !== undefined) properties[key] = text
  }
  if (Object.keys(properties).length === 0 && rotated.hidden === undefined) return undefined
  return { properties, ...(rotated.hidden !== undefined ? { hidden: rotated.hidden } : {}) }
}

/**
 * A build as it should be once it no longer holds the name. A version's own
 * `hidden` still wins: it is said about that one build.
 */
export function asRotated(d: DesiredImage, rotation: Rotation): DesiredImage {
  const out = { ...d, properties: { ...d.properties, ...rotation.properties } }
  if (rotation.hidden !== undefined) out.osHidden = d.version.hidden ?? rotation.hidden
  return out
}

/** The build that holds the name: visible when rotation hides the others (a rolled-back build too). */
export function asHolder(d: DesiredImage, rotation: Rotation): DesiredImage {
  return rotation.hidden === undefined ? d : { ...d, osHidden: d.version.hidden ?? false }
}
