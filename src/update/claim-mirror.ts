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
import { mirrorKey, normalizePrefix } from '../mirror/key.js'
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

/** The old mirror_url with the old version and file name replaced by the new ones; an Error when unknowable. */
function movedMirrorUrl(def: Definition, build: UpstreamBuild): string | Error | undefined {
  const first = def.versions[0]
  const old = first?.mirror_url
  if (!old || !first) return undefined
  // {shortname}/{version}-{shortname}.{format} or {shortname}/{version}/{file}.
  if (!old.includes(first.version))
    return new Error(
      `mirror_url ${old} does not contain version ${first.version}, so its new value is unknown`,
    )
  return old.split(first.version).join(build.version).replace(fileOf(first.url), fileOf(build.url))
}

const WHAT_TO_DO =
  'mirror the build (`image-manager mirror`) and set mirror_url by hand, or let update mirror it (`--mirror-url`)'

/** Whether the mirror serves `url`: null when it does, else why not. */
async function served(url: string, reader: Reader): Promise<string | null> {
  try {
    await reader.lastModified(url)
    return null
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
    const why = await served(moved, reader)
    if (why !== null)
      return {
        kind: 'drop',
        reason: `mirror_url dropped: the mirror does not serve ${moved} (${why}); ${WHAT_TO_DO}`,
      }
    return { kind: 'set', url: moved, note: 'already on the mirror' }
  }
  const key = mirrorKey(def, build, normalizePrefix(mirror.prefix))
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
  const url = `${mirror.publicUrl.replace(/\/+$/, '')}/${key}`
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
      const why = await served(url, reader)
      if (why !== null)
        return {
          kind: 'drop',
          reason: `${note}, but ${url} does not serve it (${why}): check --mirror-url against the bucket's public url`,
        }
      return { kind: 'set', url, note }
    }
  }
}
