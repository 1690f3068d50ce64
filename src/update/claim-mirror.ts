// What a bump does with the entry's mirror_url: a bump claims a mirror url
// only for an object that is there. With a mirror configured the new build is
// mirrored first (downloaded once, checksum verified on the way); without one,
// an old mirror_url moves to the new build's object only if the mirror serves it.
import type { Definition } from '../definitions/types.js'
import type { DownloadProgress } from '../download/download.js'
import type { Http } from '../http/client.js'
import { getErrorMessage } from '../problems.js'
import { formatChecksum } from '../upstream/checksums.js'
import type { Reader } from '../upstream/reader.js'
import { fileOf } from '../upstream/source.js'
import type { UpstreamBuild } from '../upstream/types.js'
import { decideUpload, publicChecksum } from '../mirror/decide.js'
import { mirrorKey, publicUrlOf } from '../mirror/key.js'
import { mirrorBuild } from '../mirror/mirror.js'
import type { MirrorStore } from '../mirror/s3.js'

/** Mirroring inside `update`: where new builds go and where the bucket is served from. */
export interface UpdateMirror {
  store: MirrorStore
  /** Key prefix inside the bucket. */
  prefix: string
  /** The public url the bucket's objects are served under: mirror_url is `{publicUrl}/{key}`. */
  publicUrl: string
  /** Report what would be uploaded; upload nothing. */
  dryRun: boolean
  /** The upstream client the builds are downloaded with. */
  http?: Http
  onProgress?: (image: string, progress: DownloadProgress) => void
}

export type Claim =
  /** The entry has no mirror_url and gets none. */
  | { kind: 'none' }
  /** Set mirror_url; `note` says how it was vouched for. */
  | { kind: 'set'; url: string; note: string }
  /** No mirror_url on the bumped entry (an old one is removed), for `reason`. */
  | { kind: 'drop'; reason: string }
  /** The build itself is unusable (unreadable, another checksum): no bump. */
  | { kind: 'block'; reason: string }

/** A path segment as written in a url, decoded; undefined when it does not decode. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Why `name` (decoded) cannot be one path segment of a mirror url, or null. */
function badSegment(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return `'${name}' is no file name`
  // eslint-disable-next-line no-control-regex
  if (/[/\\\x00-\x1f\x7f]/.test(name)) return `'${name}' holds a slash or a control character`
  return null
}

interface Swap {
  version: string
  to: string
  /** The upstream file names of the old and the new build. */
  file: string
  newFile: string
}

/** One decoded path segment of a mirror_url for the new build: a folder only if it is the version. */
function movedName(name: string, last: boolean, s: Swap): string {
  if (!last) return name === s.version ? s.to : name
  if (s.file !== '' && name.includes(s.file)) return name.replace(s.file, s.newFile)
  return name.split(s.version).join(s.to)
}

/**
 * The old mirror_url moved to the new build: in its path only, the old
 * version becomes the new one and the old upstream file name the new one, each
 * changed segment percent-encoded. The result stays on the same origin, in
 * the same directory (but for the version), with no query or fragment; an
 * Error says why it cannot be derived.
 */
function movedMirrorUrl(def: Definition, build: UpstreamBuild): string | Error | undefined {
  const first = def.versions[0]
  const old = first?.mirror_url
  if (!old || !first) return undefined
  let url: URL
  try {
    url = new URL(old)
  } catch {
    return new Error(`mirror_url ${old} is not a url`)
  }
  if (url.search !== '' || url.hash !== '' || !/^https?:$/.test(url.protocol))
    return new Error(`mirror_url ${old} is not a plain http(s) url (a query or fragment)`)
  const raw = url.pathname.split('/').slice(1)
  const names = raw.map(decoded)
  const last = names.length - 1
  // {shortname}/{version}-{shortname}.{format} or {shortname}/{version}/{file}:
  // a folder that is the version, and the version or upstream file name in the last segment.
  if (!names.some((n, i) => (i === last ? n?.includes(first.version) : n === first.version)))
    return new Error(`mirror_url ${old} does not contain version ${first.version} in its path`)
  const swap = {
    version: first.version,
    to: build.version,
    file: fileOf(first.url),
    newFile: fileOf(build.url),
  }
  const next = names.map((n, i) => (n === undefined ? n : movedName(n, i === last, swap)))
  for (const [i, n] of next.entries()) {
    const bad = n !== undefined && n !== names[i] ? badSegment(n) : null
    if (bad !== null) return new Error(`the new build's name ${bad}`)
  }
  const moved = next.map((n, i) =>
    n === undefined || n === names[i] ? (raw[i] as string) : encodeURIComponent(n),
  )
  const candidate = `${url.origin}/${moved.join('/')}`
  const check = new URL(candidate)
  if (
    check.origin !== url.origin ||
    check.search !== '' ||
    check.hash !== '' ||
    check.pathname.split('/').length !== url.pathname.split('/').length
  )
    return new Error(`the new build would move mirror_url out of ${url.origin}${url.pathname}`)
  return candidate
}

const WHAT_TO_DO =
  'mirror the build (`image-manager mirror`) and set mirror_url by hand, or let update mirror it (`--mirror-url`)'

/**
 * Whether the mirror serves `url` with the build's checksum as its metadata
 * (what `image-manager mirror` and `update --mirror-url` write): null when it
 * does, else why not. A bare 200 is not enough: any file could answer it.
 */
async function served(url: string, checksum: string, reader: Reader): Promise<string | null> {
  try {
    const have = publicChecksum(await reader.head(url))
    const decision = decideUpload(have === undefined ? {} : { checksum: have }, checksum)
    return decision.action === 'skip' ? null : `it answers, but ${decision.reason}`
  } catch (error) {
    return getErrorMessage(error)
  }
}

export async function claimMirror(
  def: Definition,
  build: UpstreamBuild,
  reader: Reader,
  mirror?: UpdateMirror,
): Promise<Claim> {
  if (!mirror) {
    const moved = movedMirrorUrl(def, build)
    if (moved === undefined) return { kind: 'none' }
    if (moved instanceof Error)
      return { kind: 'drop', reason: `mirror_url dropped: ${moved.message}; ${WHAT_TO_DO}` }
    const why = await served(moved, formatChecksum(build.checksum), reader)
    if (why !== null)
      return {
        kind: 'drop',
        reason: `mirror_url dropped: the mirror does not serve ${moved} (${why}); ${WHAT_TO_DO}`,
      }
    return { kind: 'set', url: moved, note: 'already on the mirror' }
  }
  const key = mirrorKey(def, build, mirror.prefix)
  if (key instanceof Error) return { kind: 'drop', reason: `not mirrored: ${key.message}` }
  const target = {
    image: def.name,
    version: build.version,
    url: build.url,
    checksum: formatChecksum(build.checksum),
    key,
  }
  const outcome = await mirrorBuild(target, mirror.store, {
    dryRun: mirror.dryRun,
    ...(mirror.http ? { http: mirror.http } : {}),
    ...(mirror.onProgress ? { onProgress: (p) => mirror.onProgress?.(def.name, p) } : {}),
  })
  const url = publicUrlOf(mirror.publicUrl, key)
  const where = `s3://${mirror.store.bucket}/${key}`
  switch (outcome.status) {
    case 'failed':
      return outcome.stage === 'source'
        ? { kind: 'block', reason: `the new build could not be mirrored: ${outcome.error}` }
        : { kind: 'drop', reason: `not mirrored: ${outcome.error}` }
    case 'would-upload':
      return { kind: 'set', url, note: `would upload to ${where}` }
    case 'uploaded':
    case 'skipped': {
      const note = outcome.status === 'uploaded' ? `uploaded to ${where}` : `already in ${where}`
      const why = await served(url, target.checksum, reader)
      if (why !== null)
        return {
          kind: 'drop',
          reason: `${note}, but ${url} does not serve it (${why}): check --mirror-url against the bucket's public url`,
        }
      return { kind: 'set', url, note }
    }
  }
}
