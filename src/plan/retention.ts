// SPEC 6: which builds of a definition may go, by meta uuid_validity. Pure.
import { compareVersions } from '../definitions/names.js'
import type { Definition } from '../definitions/types.js'
import type { CloudImage } from './observed.js'

export type Validity =
  | { kind: 'keep-all'; why: string }
  | { kind: 'last'; n: number }
  | { kind: 'expired'; date: string }

/** How long a definition's image UUIDs stay valid, as of `now`. */
export function parseValidity(value: unknown, now: Date): Validity {
  const text = value === undefined || value === null ? 'none' : String(value)
  const last = /^last-(\d+)$/.exec(text)
  if (last) return { kind: 'last', n: Math.max(1, Number(last[1])) }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // Until the date passes every build stays; after it only the current one.
    return text >= now.toISOString().slice(0, 10)
      ? { kind: 'keep-all', why: `uuid_validity ${text} is in the future` }
      : { kind: 'expired', date: text }
  }
  // none, forever, notice: deliberately differs from the old tool, which deleted like last-1.
  return { kind: 'keep-all', why: `uuid_validity is '${text}'` }
}

/** A build: an image of the definition, or one this run imports (no id yet). */
export interface Build {
  image?: CloudImage
  internalVersion: string
  current: boolean
}

export interface RetentionResult {
  /** Builds outside the window, oldest last. */
  candidates: Build[]
  /** Listed versions that are outside the window and therefore not imported. */
  outsideWindow: Set<string>
  why: string
}

const newestFirst = (a: Build, b: Build): number =>
  compareVersions(b.internalVersion, a.internalVersion)

export function retention(
  def: Definition,
  builds: readonly Build[],
  validity: Validity,
  keepDropped: boolean,
): RetentionResult {
  const outsideWindow = new Set<string>()
  if (validity.kind === 'keep-all') return { candidates: [], outsideWindow, why: validity.why }
  const window = validity.kind === 'last' ? validity.n : 1
  const why =
    validity.kind === 'last'
      ? `uuid_validity last-${window}`
      : `uuid_validity expired on ${validity.date}`
  if (def.multi) {
    // The current build first, then by version: the window counts it in.
    const ordered = [...builds].sort(
      (a, b) => Number(b.current) - Number(a.current) || newestFirst(a, b),
    )
    const listed = def.versions.map((v) => v.version).sort((a, b) => compareVersions(b, a))
    listed.slice(window).forEach((v) => outsideWindow.add(v))
    return { candidates: ordered.slice(window), outsideWindow, why }
  }
  // Non-multi: listed versions always stay; of the dropped ones last-N keeps N-1.
  if (keepDropped) return { candidates: [], outsideWindow, why: 'keep is set' }
  const listed = new Set(def.versions.map((v) => v.version))
  const dropped = builds.filter((b) => !listed.has(b.internalVersion)).sort(newestFirst)
  return { candidates: dropped.slice(window - 1), outsideWindow, why }
}
