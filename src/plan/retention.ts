// docs/behaviour.md §6: which builds of a definition may go, by meta uuid_validity. Pure.
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

/** A build: an image of the definition, or one this run imports (no image yet). */
export interface Build {
  image?: CloudImage
  internalVersion: string
  /** Holds the plain name once this run is done (multi). */
  current: boolean
}

/** How many builds stay: a number, or null when none may go. */
export function windowSize(validity: Validity): { size: number | null; why: string } {
  if (validity.kind === 'keep-all') return { size: null, why: validity.why }
  if (validity.kind === 'last') return { size: validity.n, why: `uuid_validity last-${validity.n}` }
  return { size: 1, why: `uuid_validity expired on ${validity.date}` }
}

const newestFirst = (a: string, b: string): number => compareVersions(b, a)

/**
 * Listed versions older than the window. They are not imported again
 * (deliberately differs: the old tool deleted multi ones, then re-imported them).
 * Non-multi: not under `keep`, which keeps every build of such a definition.
 */
export function outsideWindow(def: Definition, size: number | null, keep = false): Set<string> {
  if (size === null || (!def.multi && keep)) return new Set()
  return new Set(
    def.versions
      .map((v) => v.version)
      .sort(newestFirst)
      .slice(size),
  )
}

/** The builds that may go once this run is done, newest first. */
export function candidates(
  def: Definition,
  builds: readonly Build[],
  size: number | null,
  keep: boolean,
): Build[] {
  if (size === null) return []
  if (def.multi) {
    // The build that holds the name counts first, whatever its version; then by version.
    const ordered = [...builds].sort(
      (a, b) =>
        Number(b.current) - Number(a.current) || newestFirst(a.internalVersion, b.internalVersion),
    )
    return ordered.slice(size)
  }
  // Non-multi (an extension: the old tool kept every listed build): the same
  // window by version, listed builds first, so a version dropped from the
  // definition never outlives a listed one; `keep` keeps them all.
  if (keep) return []
  const listed = new Set(def.versions.map((v) => v.version))
  const dropped = (b: Build): number => Number(!listed.has(b.internalVersion))
  return [...builds]
    .sort((a, b) => dropped(a) - dropped(b) || newestFirst(a.internalVersion, b.internalVersion))
    .slice(size)
}
