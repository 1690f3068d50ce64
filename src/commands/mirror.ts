// `mirror`: copy every build of the catalog into the S3 mirror bucket, one at
// a time (memory stays at one upload's parts), skipping those already there.
import path from 'node:path'
import { problemsTo, requireValidCatalog } from '../definitions/catalog.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import { mib, progressLine } from '../download/progress.js'
import { filterRegex } from '../filter.js'
import type { Reporter } from '../reporter.js'
import { mirrorBuild, mirrorTargets, type MirrorOutcome } from '../mirror/mirror.js'
import { normalizePrefix } from '../mirror/key.js'
import { createS3Store, type MirrorStore, type S3Settings } from '../mirror/s3.js'

export interface MirrorCommandOptions {
  images: string
  filter?: string
  dryRun: boolean
  s3: S3Settings
  sourceCacert?: string
  cwd?: string
  /** Replaces the SDK store (tests count its requests). */
  store?: MirrorStore
  progressIntervalMs?: number
}

function outcomeLine(o: MirrorOutcome, bucket: string): string {
  const where = `s3://${bucket}/${o.target.key}`
  switch (o.status) {
    case 'skipped':
      return `= ${o.target.image} ${o.target.version}: ${o.reason} (${where})`
    case 'would-upload':
      return `+ ${o.target.image} ${o.target.version}: would upload ${o.target.url} to ${where} (${o.reason})`
    case 'uploaded': {
      const rate = o.elapsedMs > 0 ? (o.bytes * 1000) / o.elapsedMs : 0
      return `↑ ${o.target.image} ${o.target.version}: ${mib(o.bytes)} to ${where} in ${(o.elapsedMs / 1000).toFixed(1)} s (${mib(rate)}/s)`
    }
    case 'failed':
      return `✗ ${o.target.image} ${o.target.version}: ${o.error}`
  }
}

/** Exit code: 0; 1 when the catalog is invalid or a build could not be mirrored. */
export async function mirrorCommand(
  options: MirrorCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const cwd = options.cwd ?? process.cwd()
  reporter.secret(options.s3.secretAccessKey)
  const filter = filterRegex(options.filter)
  const catalog = await requireValidCatalog(
    { images: options.images, cwd },
    {
      report: problemsTo(reporter),
      stop: () => reporter.warning('the definitions are invalid: nothing was mirrored'),
    },
  )
  if (!catalog) return 1
  const { targets, errors } = mirrorTargets(
    catalog.definitions,
    normalizePrefix(options.s3.prefix),
    filter,
  )
  for (const e of errors) reporter.warning(e)

  const store = options.store ?? (await createS3Store(options.s3))
  const http = await createUpstreamHttp({
    ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
  })
  const counts = { uploaded: 0, skipped: 0, 'would-upload': 0, failed: 0 }
  let bytes = 0
  try {
    for (const target of targets) {
      const label = `${target.image} ${target.version}`
      const outcome = await mirrorBuild(target, store, {
        dryRun: options.dryRun,
        http,
        baseDir: cwd,
        onProgress: (p) => {
          if (!p.done) reporter.info(progressLine(label, p))
        },
        ...(options.progressIntervalMs !== undefined
          ? { progressIntervalMs: options.progressIntervalMs }
          : {}),
      })
      counts[outcome.status]++
      if (outcome.status === 'uploaded') bytes += outcome.bytes
      if (outcome.status === 'failed') reporter.warning(outcomeLine(outcome, store.bucket))
      else reporter.info(outcomeLine(outcome, store.bucket))
    }
  } finally {
    if (!options.store) store.close()
  }
  const shown = path.relative(cwd, path.resolve(cwd, options.images)) || '.'
  reporter.info(
    options.dryRun
      ? `${targets.length} build(s) in ${shown}: would upload ${counts['would-upload']}, ${counts.skipped} already mirrored, ${counts.failed} failed`
      : `${targets.length} build(s) in ${shown}: uploaded ${counts.uploaded} (${mib(bytes)}), ${counts.skipped} already mirrored, ${counts.failed} failed`,
  )
  return counts.failed > 0 || errors.length > 0 ? 1 : 0
}
