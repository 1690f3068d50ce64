// Directory listings (Apache, nginx, lighttpd autoindex and look-alikes):
// the names of the entries directly inside the listed folder. Sort links
// (`?C=N;O=D`), the parent, absolute links elsewhere and repeated hrefs are
// dropped. Pure.

/** Entry names of a listing at `listingUrl`; folders end with `/`. */
export function listingEntries(html: string, listingUrl: string): string[] {
  const base = new URL(listingUrl.endsWith('/') ? listingUrl : `${listingUrl}/`)
  const names = new Set<string>()
  for (const m of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const href = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&')
    if (href === '' || href.includes('?') || href.startsWith('#')) continue
    let target: URL
    try {
      target = new URL(href, base)
    } catch {
      continue
    }
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) continue
    const rest = target.pathname.slice(base.pathname.length)
    // Only direct children: `name` or `name/`.
    if (rest === '' || /\/./.test(rest)) continue
    try {
      names.add(decodeURIComponent(rest))
    } catch {
      names.add(rest)
    }
  }
  return [...names]
}

export interface BuildFolder {
  /** The folder name without its slash: `20240703-1797`, `release-20240703`, `20240703`. */
  name: string
  /** YYYYMMDD */
  date: string
  /** The serial after the date (`1797` of `20240703-1797`, `1` of `20240703.1`), 0 when none. */
  serial: number
}

const BUILD_FOLDER = /^(?:release-)?(\d{8})(?:[-.](\d+))?$/

/** A dated build folder; null for `current/`, `latest/`, `daily/` and anything else. */
export function buildFolder(name: string): BuildFolder | null {
  const m = BUILD_FOLDER.exec(name.replace(/\/$/, ''))
  if (!m || !isDate(m[1] as string)) return null
  return { name: name.replace(/\/$/, ''), date: m[1] as string, serial: Number(m[2] ?? 0) }
}

/** YYYYMMDD that is a real calendar day. */
export function isDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false
  const iso = isoDate(yyyymmdd)
  const time = Date.parse(`${iso}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso
}

/** `20240703` -> `2024-07-03` */
export const isoDate = (yyyymmdd: string): string =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`

/** The newest build folder of a listing, or null when it lists none. */
export function newestBuildFolder(entries: readonly string[]): BuildFolder | null {
  let best: BuildFolder | null = null
  for (const entry of entries) {
    if (!entry.endsWith('/')) continue
    const folder = buildFolder(entry)
    if (
      folder &&
      (!best ||
        folder.date > best.date ||
        (folder.date === best.date && folder.serial > best.serial))
    )
      best = folder
  }
  return best
}
