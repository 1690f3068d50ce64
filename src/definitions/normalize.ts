// Turns schema-valid YAML data into typed definitions with defaults applied.
import type { LoadedFile } from './load.js'
import type { Definition, Meta, SourcePosition, Version } from './types.js'

type Raw = Record<string, unknown>

/** Where a node is written: at its key when it has one (an item of a list has none). */
function position(file: LoadedFile, pointer: string): SourcePosition {
  const at = file.positions.get(pointer)
  return { file: file.file, ...file.lines.locate(at?.key ?? at?.value ?? 0) }
}

/**
 * A value meant as a string, in its source form: `version: 20240416` or
 * `os_version: 24.04` are numbers to YAML, but `1.10` must stay "1.10".
 */
function text(file: LoadedFile, pointer: string, value: unknown): string | undefined {
  // Stryker disable next-line ConditionalExpression: null never comes here (the schema refuses it)
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  const at = file.positions.get(pointer)
  return at?.textStart === undefined
    ? String(value)
    : file.lines.source.slice(at.textStart, at.textEnd)
}

/** YAML dates arrive as text; a timestamp is reduced to its date. */
const isoDate = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value).slice(0, 10)

function meta(file: LoadedFile, pointer: string, raw: unknown): Meta {
  const out: Meta = {}
  for (const [key, value] of Object.entries((raw as Raw | undefined) ?? {})) {
    // os_version is a version string even when it looks like a number (24.04).
    out[key] =
      key === 'os_version' && typeof value === 'number'
        ? (text(file, `${pointer}/${key}`, value) as string)
        : (value as Meta[string])
  }
  return out
}

function version(file: LoadedFile, pointer: string, raw: Raw): Version {
  const keys: NonNullable<Version['keys']> = { url: position(file, `${pointer}/url`) }
  // A string by the schema (null is refused there).
  if (typeof raw.mirror_url === 'string') keys.mirror_url = position(file, `${pointer}/mirror_url`)
  const v: Version = {
    version: text(file, `${pointer}/version`, raw.version) as string,
    url: raw.url as string,
    position: position(file, pointer),
    keys,
  }
  const optional = ['mirror_url', 'checksum', 'checksum_url', 'checksums_url', 'visibility', 'id']
  for (const key of [...optional, 'image_description', 'source'] as const) {
    if (raw[key] !== undefined && raw[key] !== null) (v as unknown as Raw)[key] = raw[key]
  }
  const osVersion = text(file, `${pointer}/os_version`, raw.os_version)
  if (osVersion !== undefined) v.os_version = osVersion
  const buildDate = isoDate(raw.build_date)
  if (buildDate !== undefined) v.build_date = buildDate
  if (typeof raw.hidden === 'boolean') v.hidden = raw.hidden
  if (raw.meta) v.meta = meta(file, `${pointer}/meta`, raw.meta)
  return v
}

/** The definitions of one schema-valid file. */
export function normalize(file: LoadedFile): Definition[] {
  const images = ((file.data as Raw).images as Raw[]) ?? []
  return images.map((raw, i) => {
    const pointer = `/images/${i}`
    const def: Definition = {
      name: raw.name as string,
      enable: raw.enable !== false,
      format: raw.format as Definition['format'],
      login: raw.login as string,
      min_disk: raw.min_disk as number,
      min_ram: raw.min_ram as number,
      status: raw.status as Definition['status'],
      visibility: raw.visibility as Definition['visibility'],
      multi: raw.multi as boolean,
      separator: typeof raw.separator === 'string' ? raw.separator : ' ',
      keep: raw.keep === true,
      meta: meta(file, `${pointer}/meta`, raw.meta),
      tags: (raw.tags as string[] | undefined) ?? [],
      versions: ((raw.versions as Raw[] | undefined) ?? []).map((v, j) =>
        version(file, `${pointer}/versions/${j}`, v),
      ),
      position: position(file, pointer),
    }
    for (const key of ['password', 'shortname', 'latest_url', 'latest_checksum_url'] as const) {
      if (typeof raw[key] === 'string') def[key] = raw[key] as string
    }
    const signature = raw.checksum_signature as Raw | undefined
    if (signature) {
      def.checksum_signature = {
        signature: signature.signature as string,
        keys: signature.keys as string[],
        fingerprints: (signature.fingerprints as string[]).map((f) =>
          f.replace(/\s/g, '').toUpperCase(),
        ),
      }
    }
    if (typeof raw.verify === 'string') def.verify = raw.verify as Definition['verify']
    const rotated = raw.rotated as Raw | undefined
    if (rotated) {
      def.rotated = { meta: meta(file, `${pointer}/rotated/meta`, rotated.meta) }
      if (typeof rotated.hidden === 'boolean') def.rotated.hidden = rotated.hidden
    }
    return def
  })
}
