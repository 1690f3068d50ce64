// Mirror one build: stream it from its url into the bucket, verifying its
// checksum on the way; skip it when the bucket already holds it.
import type { Definition } from '../definitions/types.js'
import type { Http } from '../http/client.js'
import { openDownload, type DownloadProgress } from '../download/download.js'
import { getErrorMessage } from '../problems.js'
import { decideUpload } from './decide.js'
import { mirrorKey } from './key.js'
import type { MirrorStore } from './s3.js'

export interface MirrorTarget {
  image: string
  version: string
  url: string
  /** `<algo>:<hex>` from the definition; without it a build is not uploaded. */
  checksum?: string
  key: string
}

export type MirrorOutcome =
  | { status: 'skipped'; target: MirrorTarget; reason: string }
  | { status: 'would-upload'; target: MirrorTarget; reason: string }
  | { status: 'uploaded'; target: MirrorTarget; bytes: number; elapsedMs: number }
  /** `source`: the build could not be read or did not match its checksum; `store`: the bucket failed. */
  | { status: 'failed'; target: MirrorTarget; error: string; stage: 'source' | 'store' }

/** Every version of the definitions (that match `filter`) with its key; versions without one as errors. */
export function mirrorTargets(
  definitions: readonly Definition[],
  prefix: string,
  filter?: RegExp,
): { targets: MirrorTarget[]; errors: string[] } {
  const targets: MirrorTarget[] = []
  const errors: string[] = []
  for (const def of definitions) {
    if (filter && !filter.test(def.name)) continue
    for (const v of def.versions) {
      const key = mirrorKey(def, v, prefix)
      if (key instanceof Error) {
        errors.push(key.message)
        continue
      }
      targets.push({
        image: def.name,
        version: v.version,
        url: v.url,
        ...(v.checksum ? { checksum: v.checksum } : {}),
        key,
      })
    }
  }
  return { targets, errors }
}

export interface MirrorBuildOptions {
  dryRun?: boolean
  /** The upstream client for http(s) urls. */
  http?: Http
  /** Relative `file:` urls are resolved against it. */
  baseDir?: string
  onProgress?: (progress: DownloadProgress) => void
  progressIntervalMs?: number
  now?: () => number
}

export async function mirrorBuild(
  target: MirrorTarget,
  store: MirrorStore,
  options: MirrorBuildOptions = {},
): Promise<MirrorOutcome> {
  const now = options.now ?? Date.now
  let stage: 'source' | 'store' = 'store'
  try {
    const decision = decideUpload(await store.head(target.key), target.checksum)
    if (decision.action === 'skip') return { status: 'skipped', target, reason: decision.reason }
    if (target.checksum === undefined)
      return {
        status: 'failed',
        target,
        stage: 'source',
        error: `${target.image} ${target.version} has no checksum: only builds verified on the way are mirrored`,
      }
    if (options.dryRun) return { status: 'would-upload', target, reason: decision.reason }
    const started = now()
    stage = 'source'
    const download = await openDownload(target.url, {
      expected: target.checksum,
      ...(options.http ? { http: options.http } : {}),
      ...(options.baseDir ? { baseDir: options.baseDir } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.progressIntervalMs !== undefined
        ? { progressIntervalMs: options.progressIntervalMs }
        : {}),
      now,
    })
    // An upload that fails because its body failed is the source's fault.
    let bodyFailed = false
    download.stream.once('error', () => (bodyFailed = true))
    stage = 'store'
    try {
      await store.upload({
        key: target.key,
        body: download.stream,
        metadata: { checksum: target.checksum.trim().toLowerCase() },
        ...(download.size !== undefined ? { size: download.size } : {}),
      })
    } finally {
      if (bodyFailed) stage = 'source'
    }
    stage = 'source'
    const result = await download.result
    return { status: 'uploaded', target, bytes: result.bytes, elapsedMs: now() - started }
  } catch (error) {
    return { status: 'failed', target, error: getErrorMessage(error), stage }
  }
}
