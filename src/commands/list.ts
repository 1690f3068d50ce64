// `list`: the managed images of a cloud, as operators want to see them.
import { naturalCompare } from '../natural-sort.js'
import type { Reporter } from '../reporter.js'
import { connect, type CloudOptions } from '../cloud/connect.js'
import { observeManagedImages } from '../cloud/observe.js'

export interface ListCommandOptions extends CloudOptions {
  tag: string
}

export async function listCommand(
  options: ListCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const glance = await connect(options, reporter)
  const images = (await observeManagedImages(glance, options.tag)).sort((a, b) =>
    naturalCompare(a.name, b.name),
  )
  const rows = [
    ['NAME', 'VERSION', 'STATUS', 'VISIBILITY', 'MIN_DISK', 'ID'],
    ...images.map((i) => [
      i.name,
      i.properties.internal_version ?? '',
      i.status,
      `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`,
      String(i.min_disk),
      i.id,
    ]),
  ]
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  for (const row of rows)
    reporter.info(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    )
  reporter.info(`${images.length} managed image(s) with tag '${options.tag}'.`)
  return 0
}
