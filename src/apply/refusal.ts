// Glance's refusals in Glance's words, with what they mean here (docs/behaviour.md §4,
// "When Glance refuses"). Glance 2025.1 answers a bad format with a 415 on upload
// and keeps the import lock after a failed import, so a second method would only
// read a 409: these say the real cause instead of the HTTP status.
import { HttpError } from '../http/error.js'
import type { Image } from '../openstack/glance/types.js'
import { ImportRejected } from './wait.js'

/** Glance's words for its import lock (`_enforce_import_lock`, Glance 25 to 2025.1 and later). */
const ACTIVE_TASK = /active task/i

/** The task holding the image's import lock, if one does. */
export const lockHolder = (image: Image): string | undefined =>
  image.properties.os_glance_import_task || undefined

/** Why a failed import is not retried with another method while Glance holds the lock. */
export function lockedAfterFailure(first: Error, task: string, next: string): ImportRejected {
  return new ImportRejected(
    `${first.message}; not retried with ${next}: Glance still holds the image's import lock ` +
      `(os_glance_import_task ${task}) after the failed import, which Glance 2025.1 keeps for ` +
      '60 minutes, so any other import would only be refused with "409 Image has active task"',
  )
}

/** `/stage` or `/file`: the last step of the request's path. */
const callOf = (url: string): string => `/${url.split(/[?#]/, 1)[0]?.split('/').pop() ?? ''}`

/** The data's format as this tool's sniff saw it, for a refusal's explanation. */
export interface Declared {
  format: string
  /** What the first bytes showed, when this tool streamed them. */
  sniffed?: string
}

/**
 * A 409 "active task" or a 415 from Glance, explained as what it is; anything
 * else unchanged. Both are ImportRejected: another method gets the same answer.
 */
export function explainRefusal(error: unknown, declared: Declared): unknown {
  if (!(error instanceof HttpError)) return error
  const said = error.serviceMessage ?? `HTTP ${error.status}`
  if (error.status === 409 && ACTIVE_TASK.test(said)) {
    return new ImportRejected(
      `Glance refused the import: "${said}": an earlier import task of this image still holds ` +
        'its import lock (os_glance_import_task; Glance 2025.1 keeps it 60 minutes after a failed import)',
    )
  }
  if (error.status === 415) {
    const seen = declared.sniffed
      ? `; its first bytes look like ${declared.sniffed} to this tool`
      : ''
    return new ImportRejected(
      `Glance refused the data as not matching the declared format ${declared.format} ` +
        `(${error.method} ${callOf(error.url)} answered 415: "${said}"; Glance 2025.1 checks the data against disk_format)${seen}`,
    )
  }
  return error
}
