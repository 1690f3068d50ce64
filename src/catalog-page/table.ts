// The catalog page's one table, as plain strings: the definitions' images
// (enabled ones), with their UUIDs and visibility in Glance when a cloud is
// given. The Markdown and the HTML page render this same table.
import type { Definition } from '../definitions/types.js'
import { naturalCompare } from '../natural-sort.js'
import type { CloudImage } from '../plan/observed.js'
import { desireDefinition } from '../plan/desire.js'

export interface CatalogTable {
  title: string
  columns: string[]
  /** Sorted naturally by name; one cell per column, '' where there is nothing to say. */
  rows: string[][]
}

export interface CatalogTableOptions {
  /** Managed images of the cloud; absent: no UUID column. */
  cloudImages?: readonly CloudImage[]
  cloud?: string
}

/** What a cell says when the cloud lacks the image. */
export const NOT_IN_CLOUD = 'not in the cloud'

export function catalogTable(
  definitions: readonly Definition[],
  options: CatalogTableOptions = {},
): CatalogTable {
  const byName = new Map<string, CloudImage[]>()
  for (const image of options.cloudImages ?? []) {
    byName.set(image.name, [...(byName.get(image.name) ?? []), image])
  }
  const withCloud = options.cloudImages !== undefined
  const withPassword = definitions.some((d) => d.enable && d.password !== undefined)
  const rows = definitions
    .filter((d) => d.enable)
    .flatMap((definition) =>
      desireDefinition(definition, { tag: '', useOsHidden: false }).map((image) => {
        const found = [...(byName.get(image.name) ?? [])].sort((a, b) => a.id.localeCompare(b.id))
        const p = image.properties
        const visibility = found.length
          ? [...new Set(found.map((i) => `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`))]
          : [image.visibility]
        const cells = [
          image.name,
          [p.os_distro, p.os_version].filter(Boolean).join(' '),
          p.image_build_date ??
            found.find((i) => i.properties.image_build_date)?.properties.image_build_date ??
            '',
          definition.login,
          ...(withPassword ? [definition.password ?? ''] : []),
          visibility.join(', '),
          ...(withCloud ? [found.length ? found.map((i) => i.id).join(' ') : NOT_IN_CLOUD] : []),
        ]
        return cells
      }),
    )
    .sort((a, b) => naturalCompare(a[0] as string, b[0] as string))
  return {
    title: options.cloud ? `Images of ${options.cloud}` : 'Images',
    columns: [
      'Name',
      'Distribution',
      'Build date',
      'Login',
      ...(withPassword ? ['Password'] : []),
      'Visibility',
      ...(withCloud ? ['UUID'] : []),
    ],
    rows,
  }
}
