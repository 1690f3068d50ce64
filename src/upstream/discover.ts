// The core of upstream discovery: which definitions are tracked, which
// source reads them, and whether the newest build is new. It knows layouts
// only through the registry, never a distribution or a host.
import type { Definition } from '../definitions/types.js'
import { getErrorMessage } from '../problems.js'
import { formatChecksum } from './checksums.js'
import { UpstreamError, type Reader } from './reader.js'
import type { Source } from './source.js'
import { SOURCES } from './sources/index.js'
import { verifyChecksumFile, type SignatureCheck } from './signature.js'
import type { UpstreamBuild, Tracked, Voucher } from './types.js'

/** `#upstream=<key>` on latest_url picks a source explicitly; the fragment is never sent. */
function splitKey(url: string): { url: string; key?: string } {
  const hash = url.indexOf('#')
  if (hash < 0) return { url }
  const key = /(?:^|&)upstream=([\w-]+)/.exec(url.slice(hash + 1))?.[1]
  return { url: url.slice(0, hash), ...(key ? { key } : {}) }
}

/** The discovery inputs of a definition, or null when it is not tracked (docs/behaviour.md §9). */
export function trackedOf(def: Definition): Tracked | null {
  const first = def.versions[0]
  // A `version: latest` entry follows upstream on every run by itself.
  if (!def.latest_url || !def.latest_checksum_url || !first || first.version === 'latest')
    return null
  const latest = splitKey(def.latest_url)
  const sums = splitKey(def.latest_checksum_url)
  const key = latest.key ?? sums.key
  return {
    image: def.name,
    latestUrl: latest.url,
    latestChecksumUrl: sums.url,
    ...(key ? { source: key } : {}),
    current: {
      version: first.version,
      url: first.url,
      ...(first.checksum ? { checksum: first.checksum } : {}),
      ...(first.build_date ? { buildDate: first.build_date } : {}),
    },
  }
}

export function selectSource(t: Tracked, sources: readonly Source[] = SOURCES): Source {
  if (t.source !== undefined) {
    const chosen = sources.find((s) => s.key === t.source)
    if (!chosen)
      throw new UpstreamError(
        `unknown upstream '${t.source}' in latest_url; known: ${sources.map((s) => s.key).join(', ')}`,
        t.latestUrl,
      )
    return chosen
  }
  const found = sources.find((s) => s.matches(t))
  if (!found)
    throw new UpstreamError(
      `no known upstream layout fits latest_url ${t.latestUrl} with latest_checksum_url ${t.latestChecksumUrl}`,
      t.latestUrl,
    )
  return found
}

/** The newest build, read through a reader that verifies each checksum file before it is parsed. */
async function signedNewest(
  t: Tracked,
  reader: Reader,
  check: SignatureCheck,
): Promise<UpstreamBuild> {
  const vouchers: Voucher[] = []
  const fetchSignature = async (url: string): Promise<string> =>
    (await reader.text(url, 'the checksum signature')).text
  const verifying: Reader = {
    text: (url, what) => reader.text(url, what),
    lastModified: (url) => reader.lastModified(url),
    head: (url) => reader.head(url),
    forget: (url) => reader.forget(url),
    checked: async (url, text) => {
      const verified = await verifyChecksumFile(check, url, text, fetchSignature)
      vouchers.push(verified.voucher)
      return verified.text
    },
  }
  const source = selectSource(t)
  const build = await source.newest(t, verifying)
  const signedBy = vouchers.at(-1)
  // Fail closed: a layout that took its checksum from no verified file gives none.
  if (!signedBy)
    throw new UpstreamError(
      `the ${source.key} layout read no checksum file that checksum_signature could verify: no checksum is used`,
      t.latestChecksumUrl,
    )
  return { ...build, signedBy }
}

export type Outcome =
  { status: 'newer' | 'current'; build: UpstreamBuild } | { status: 'error'; error: string }

/**
 * The newest build and whether the catalog lacks it (its checksum differs, as
 * docs/behaviour.md §9 says). With `check`, every checksum file the source
 * parses must carry a good signature by a trusted key first.
 */
export async function discover(
  t: Tracked,
  reader: Reader,
  check?: SignatureCheck,
): Promise<Outcome> {
  try {
    for (const url of [t.latestUrl, t.latestChecksumUrl]) {
      if (!/^https?:$/.test(new URL(url).protocol))
        throw new UpstreamError(`upstream discovery reads http(s) only, not ${url}`, url)
    }
    const build = check
      ? await signedNewest(t, reader, check)
      : await selectSource(t).newest(t, reader)
    const same = t.current.checksum?.toLowerCase() === formatChecksum(build.checksum)
    return { status: same ? 'current' : 'newer', build }
  } catch (error) {
    // What that url answered (maybe from the cache) was of no use: ask afresh next time.
    if (error instanceof UpstreamError) reader.forget(error.url)
    return { status: 'error', error: getErrorMessage(error) }
  }
}
