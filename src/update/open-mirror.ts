// The mirror of the update job, opened from its settings: the S3 store, the
// client new builds are downloaded with, and progress lines for the log.
import { progressLine } from '../download/progress.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import { createS3Store, type MirrorStore, type S3Settings } from '../mirror/s3.js'
import type { Reporter } from '../reporter.js'
import type { UpdateMirror } from './claim-mirror.js'

/** Mirroring inside update: the bucket, and the public url its objects are served under. */
export interface UpdateMirrorOptions {
  s3: S3Settings
  publicUrl: string
  /** Replaces the SDK store (tests). */
  store?: MirrorStore
}

/** The store (the AWS SDK loads here) and download client of a mirror; close `store` after. */
export async function openUpdateMirror(
  { s3, publicUrl, store }: UpdateMirrorOptions,
  options: { dryRun: boolean; sourceCacert?: string },
  reporter: Reporter,
): Promise<UpdateMirror> {
  reporter.secret(s3.secretAccessKey)
  return {
    store: store ?? (await createS3Store(s3)),
    prefix: s3.prefix,
    publicUrl,
    dryRun: options.dryRun,
    http: await createUpstreamHttp(
      options.sourceCacert ? { sourceCacert: options.sourceCacert } : {},
    ),
    onProgress: (image, p) => {
      if (!p.done) reporter.info(progressLine(`${image} → mirror`, p))
    },
  }
}
