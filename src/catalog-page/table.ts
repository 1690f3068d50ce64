// The catalog page's one table, as plain strings: the definitions' images
// (enabled ones) with what a user asks before booting one (architecture,
// minimum disk and RAM, purpose, support end, how often it is rebuilt), their
// UUIDs and visibility in Glance when a cloud is given, and the older builds
// the cloud still has. The Markdown and the HTML page render this same table.
import type { Definition } from '../definitions/types.js'
import { naturalCompare } from '../natural-sort.js'
import { desireDefinition, type DesiredImage } from '../plan/desire.js'
import { belongsTo } from '../plan/managed.js'
import type { CloudImage } from '../plan/observed.js'

export interface CatalogTable {
  title: string
  columns: string[]
  /** Sorted naturally by name; one cell per column, '' where there is nothing to say. */
  rows: string[][]
}

export interface CatalogTableOptions {
  /** Managed images of the cloud; absent: no UUID column, no older builds. */
  cloudImages?: readonly CloudImage[]
  cloud?: string
  /** endoflife.date's end of support of a release, where the lifecycle data is at hand. */
  endOfLife?: (distro: string, release: string) => string | undefined
}

/** What a cell says when the cloud lacks the image. */
export const NOT_IN_CLOUD = 'not in the cloud'
/** What the visibility cell adds for a build the catalog no longer lists. */
export const OLDER_BUILD = 'older build'

/** The columns up to Login; Password, Visibility and UUID follow as the table needs them. */
const COLUMNS = [
  'Name',
  'Distribution',
  'Architecture',
  'Min disk / RAM',
  'Purpose',
  'Build date',
  'Rebuilt',
  'Support until',
  'Login',
]

type Props = Readonly<Record<string, string | undefined>>

/** provided_until, and endoflife.date's date beside it when known. */
function supportUntil(p: Props, options: CatalogTableOptions): string {
  const { os_distro: distro, os_version: release } = p
  const eol = distro && release ? options.endOfLife?.(distro.toLowerCase(), release) : undefined
  return [p.provided_until, eol === undefined ? undefined : `${eol} (endoflife.date)`]
    .filter(Boolean)
    .join('; ')
}

/** The cells every row has, from an image's properties and sizes. */
function describe(
  name: string,
  p: Props,
  size: { disk: number; ram: number },
  buildDate: string,
  options: CatalogTableOptions,
): string[] {
  return [
    name,
    [p.os_distro, p.os_version].filter(Boolean).join(' '),
    p.architecture ?? '',
    `${size.disk} GiB / ${size.ram} MiB`,
    p.os_purpose ?? '',
    buildDate,
    p.replace_frequency ?? '',
    supportUntil(p, options),
  ]
}

const visibilityOf = (images: readonly CloudImage[]): string =>
  [...new Set(images.map((i) => `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`))].join(', ')

function desiredRow(
  definition: Definition,
  image: DesiredImage,
  found: readonly CloudImage[],
  options: CatalogTableOptions,
  withPassword: boolean,
): string[] {
  const p = image.properties
  const buildDate =
    p.image_build_date ??
    found.find((i) => i.properties.image_build_date)?.properties.image_build_date ??
    ''
  return [
    ...describe(image.name, p, { disk: image.minDisk, ram: image.minRam }, buildDate, options),
    definition.login,
    ...(withPassword ? [definition.password ?? ''] : []),
    found.length ? visibilityOf(found) : image.visibility,
    ...(options.cloudImages
      ? [found.length ? found.map((i) => i.id).join(' ') : NOT_IN_CLOUD]
      : []),
  ]
}

/** A build the cloud still has that the catalog no longer lists: as Glance has it. */
function olderRow(
  definition: Definition,
  image: CloudImage,
  options: CatalogTableOptions,
  withPassword: boolean,
): string[] {
  const p = image.properties
  const size = { disk: image.min_disk, ram: image.min_ram }
  return [
    ...describe(image.name, p, size, p.image_build_date ?? '', options),
    definition.login,
    ...(withPassword ? [definition.password ?? ''] : []),
    `${visibilityOf([image])}, ${OLDER_BUILD}`,
    image.id,
  ]
}

function definitionRows(
  definition: Definition,
  byName: ReadonlyMap<string, CloudImage[]>,
  options: CatalogTableOptions,
  withPassword: boolean,
): string[][] {
  const desired = desireDefinition(definition, { tag: '', useOsHidden: false })
  const found = (name: string): CloudImage[] =>
    [...(byName.get(name) ?? [])].sort((a, b) => a.id.localeCompare(b.id))
  const rows = desired.map((image) =>
    desiredRow(definition, image, found(image.name), options, withPassword),
  )
  const listed = new Set(desired.map((d) => d.name))
  const older = (options.cloudImages ?? []).filter(
    (i) => belongsTo(definition, i) && !listed.has(i.name),
  )
  return [...rows, ...older.map((i) => olderRow(definition, i, options, withPassword))]
}

export function catalogTable(
  definitions: readonly Definition[],
  options: CatalogTableOptions = {},
): CatalogTable {
  const byName = new Map<string, CloudImage[]>()
  for (const image of options.cloudImages ?? []) {
    byName.set(image.name, [...(byName.get(image.name) ?? []), image])
  }
  const withPassword = definitions.some((d) => d.enable && d.password !== undefined)
  const rows = definitions
    .filter((d) => d.enable)
    .flatMap((definition) => definitionRows(definition, byName, options, withPassword))
    .sort(
      (a, b) =>
        naturalCompare(a[0] as string, b[0] as string) ||
        naturalCompare(a.at(-1) as string, b.at(-1) as string),
    )
  return {
    title: options.cloud ? `Images of ${options.cloud}` : 'Images',
    columns: [
      ...COLUMNS,
      ...(withPassword ? ['Password'] : []),
      'Visibility',
      ...(options.cloudImages ? ['UUID'] : []),
    ],
    rows,
  }
}
