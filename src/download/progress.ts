// One line of a download's progress, for the terminal and the job log.
import type { DownloadProgress } from './download.js'

const MiB = 1024 * 1024
export const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`

export function progressLine(label: string, p: DownloadProgress): string {
  const total = p.total !== undefined ? ` of ${mib(p.total)}` : ''
  return `  ${label}: ${mib(p.bytes)}${total} at ${mib(p.rate)}/s`
}
