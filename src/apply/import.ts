// Create the image private, fill it, wait until Glance released it, then make it final.
// A step with a checksum or a compressed source is streamed through this tool
// (checked, unpacked, staged); the others use web-download, falling back once to
// glance-direct streaming; plain upload where the cloud has no interoperable
// import. A failed import leaves no image.
import path from 'node:path'
import { ChecksumMismatchError, openDownload, probeUrl } from '../download/download.js'
import { prepareSource, SourceFormatError } from '../download/prepare.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Http } from '../http/client.js'
import type { PatchOperation } from '../openstack/glance/patch.js'
import type { Image } from '../openstack/glance/types.js'
import type { ImportStep } from '../plan/types.js'
import { desiredMinDisk } from '../plan/diff.js'
import type { Reporter } from '../reporter.js'
import { ImportError, ImportRejected, waitReleased, type ImportClock } from './wait.js'
import { explainRefusal, lockedAfterFailure, lockHolder } from './refusal.js'
import { fallbackMessage, fromUpstream, missingStatus } from '../mirror/fallback.js'

export type ImportMethod = 'web-download' | 'glance-direct' | 'upload'

export interface ImportContext {
  glance: GlanceClient
  /** What `/v2/info/import` offers. */
  methods: readonly string[]
  timeoutMs: number
  /** `file:` sources are relative to the definition file's directory. */
  baseDir: string
  reporter: Reporter
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** How long an image may sit in `queued` after a web-download import was accepted. */
  queuedGraceMs?: number
  /** Shared by the imports of a run: when to poll first. */
  clock: ImportClock
  /** The client for image sources (HEAD check, streamed download); never the cloud's. */
  upstream?: Http
}

/**
 * The methods to try, in order (docs/behaviour.md §4): a streamed step goes
 * through this tool only, so the bytes Glance gets are the bytes checked.
 */
export function importMethods(
  step: Pick<ImportStep, 'source' | 'stream'>,
  offered: readonly string[],
): ImportMethod[] {
  const direct: ImportMethod = offered.includes('glance-direct') ? 'glance-direct' : 'upload'
  if (step.stream || step.source.startsWith('file:') || !offered.includes('web-download'))
    return [direct]
  return ['web-download', direct]
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function waitFor(
  ctx: ImportContext,
  step: ImportStep,
  id: string,
  deadline: number,
  method: ImportMethod,
): Promise<Image> {
  const now = ctx.now ?? Date.now
  const web = method === 'web-download'
  return waitReleased(id, {
    glance: ctx.glance,
    deadline,
    clock: ctx.clock,
    sleep: ctx.sleep ?? delay,
    now,
    ...(web ? { queuedSince: now() } : {}),
    queuedGraceMs: ctx.queuedGraceMs ?? 20_000,
    // A plain upload runs no task; an import's task says at once when Glance failed it.
    ...(method === 'upload' ? {} : { task: { method, declaredFormat: step.create.disk_format } }),
  })
}

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`

/** Streams the source into the image (stage or file); the checksum is verified on the fly. */
async function stream(
  ctx: ImportContext,
  step: ImportStep,
  id: string,
  method: ImportMethod,
): Promise<void> {
  const download = await openDownload(step.source, {
    ...(step.checksum ? { expected: step.checksum } : {}),
    ...(ctx.upstream ? { http: ctx.upstream } : {}),
    baseDir: ctx.baseDir,
    progressIntervalMs: 10_000,
    onProgress: (p) =>
      ctx.reporter.info(
        `  ${step.image.name}: ${mib(p.bytes)}${p.total ? ` of ${mib(p.total)} (${Math.round((100 * p.bytes) / p.total)}%)` : ''}, ${mib(p.rate)}/s`,
      ),
  })
  // Compression and format are known before the first byte goes to Glance.
  const prepared = await prepareSource(download.stream, {
    url: step.source,
    format: step.create.disk_format,
  })
  const body = prepared.stream
  if (prepared.compression)
    ctx.reporter.info(`  ${step.image.name}: ${prepared.compression} unpacked on the way`)
  // An unpacked size is unknown until the end: then the body is sent chunked.
  const size = prepared.compression ? undefined : download.size
  const declared = { format: step.create.disk_format, sniffed: prepared.format }
  try {
    if (method === 'glance-direct') await ctx.glance.stageImage(id, body, size)
    else await ctx.glance.uploadImage(id, body, size)
    await download.result
  } catch (error) {
    // Whatever failed, the source connection goes too: nothing is left reading upstream.
    body.destroy()
    download.stream.destroy()
    throw explainRefusal(error, declared)
  }
  if (method === 'glance-direct')
    await ctx.glance.importImage(id, 'glance-direct').catch((e: unknown) => {
      throw explainRefusal(e, declared)
    })
}

async function fill(
  ctx: ImportContext,
  step: ImportStep,
  id: string,
  method: ImportMethod,
  deadline: number,
): Promise<Image> {
  if (method === 'web-download') {
    await ctx.glance.importImage(id, 'web-download', { uri: step.source }).catch((e: unknown) => {
      throw explainRefusal(e, { format: step.create.disk_format })
    })
    return waitFor(ctx, step, id, deadline, method)
  }
  await stream(ctx, step, id, method)
  return waitFor(ctx, step, id, deadline, method)
}

/**
 * Web-download's bytes never pass through this tool, and Glance 2022.2 stores
 * them under any format: the first ones are read and sniffed before anything
 * is created (docs/behaviour.md §4, "Know what you send").
 */
async function checkFormatFirst(ctx: ImportContext, step: ImportStep): Promise<void> {
  const download = await openDownload(step.source, {
    ...(ctx.upstream ? { http: ctx.upstream } : {}),
    baseDir: ctx.baseDir,
  }).catch((e: unknown) => {
    throw new ImportError(`source ${step.source} could not be read: ${(e as Error).message}`)
  })
  try {
    const { stream } = await prepareSource(download.stream, {
      url: step.source,
      format: step.create.disk_format,
    })
    stream.destroy()
  } finally {
    // Only the head was wanted: the connection goes now.
    download.stream.destroy()
  }
}

/** The step whose source answers HEAD: its url when the mirror object is missing or unreadable. */
async function availableSource(ctx: ImportContext, step: ImportStep): Promise<ImportStep> {
  const probe = (url: string): ReturnType<typeof probeUrl> =>
    probeUrl(url, { ...(ctx.upstream ? { http: ctx.upstream } : {}), baseDir: ctx.baseDir })
  try {
    await probe(step.source)
    return step
  } catch (error) {
    const status = missingStatus(error)
    if (step.fallback === undefined || status === undefined)
      throw new ImportError(`source ${step.source} is not available: ${(error as Error).message}`)
    ctx.reporter.warning(
      `${step.image.name}: ${fallbackMessage(step.source, step.fallback, status)}`,
    )
    return availableSource(ctx, fromUpstream(step))
  }
}

/**
 * Imports one image; returns it active, final visibility, min_disk and status
 * set. `finalName`: the name a rename step of the plan gives it next, sent with
 * the finishing write when nothing else has to move first.
 */
export async function runImport(
  ctx: ImportContext,
  step: ImportStep,
  finalName?: string,
): Promise<Image> {
  const now = ctx.now ?? Date.now
  const deadline = now() + ctx.timeoutMs
  // Check the source first: a dead url creates nothing.
  step = await availableSource(ctx, step)
  const methods = importMethods(step, ctx.methods)
  if (step.peek && methods[0] === 'web-download') await checkFormatFirst(ctx, step)
  let image = await createOrReuse(ctx, step)
  try {
    let earlier: string | undefined
    for (const [i, method] of methods.entries()) {
      try {
        image = await fill(ctx, step, image.id, method, deadline)
        break
      } catch (error) {
        const last = i === methods.length - 1
        // Glance's first reason leads: a retry's 409 or 415 would hide it (docs/behaviour.md §4).
        if (last && earlier)
          throw new ImportError(`${earlier}; then ${method}: ${(error as Error).message}`)
        // Past the import timeout the import has failed (docs/behaviour.md §4); a second method would get no time.
        // Bad data stays bad whichever way it goes, and data Glance refused (ImportRejected) would be refused again.
        const final =
          error instanceof ChecksumMismatchError ||
          error instanceof SourceFormatError ||
          error instanceof ImportRejected
        if (last || final || now() >= deadline) throw error
        earlier = `${method} failed: ${(error as Error).message}`
        image = await resetForRetry(ctx, image.id, error as Error, methods[i + 1] as string)
        ctx.reporter.warning(
          `${step.image.name}: ${method} failed (${(error as Error).message}); trying ${methods[i + 1]}`,
        )
      }
    }
  } catch (error) {
    throw await cleanUp(ctx, step, image.id, error as Error)
  }
  // The image is complete from here: a failure now leaves it, private, for the
  // next run to finish (the plan then sees its visibility or name differ).
  try {
    // Visibility only now, so nobody boots a half-imported image; min_disk once the size is known.
    const minDisk = desiredMinDisk(step.create.min_disk, image.size)
    const ops: PatchOperation[] = []
    if (step.then.visibility !== 'private')
      ops.push({ op: 'replace', path: '/visibility', value: step.then.visibility })
    if (minDisk !== image.min_disk) ops.push({ op: 'replace', path: '/min_disk', value: minDisk })
    if (finalName !== undefined) ops.push({ op: 'replace', path: '/name', value: finalName })
    const final = ops.length ? await ctx.glance.patchImage(image.id, ops) : image
    if (step.then.status === 'deactivated') await ctx.glance.deactivateImage(image.id)
    return final
  } catch (error) {
    throw new ImportError(
      `imported as ${image.id}, but not finished (${(error as Error).message}); the next run finishes it`,
    )
  }
}

/**
 * A failed import leaves no half-made image (docs/behaviour.md §4), with one exception:
 * Glance never takes a deleted id again, so an image with a fixed id that can
 * still take data (queued) stays, private and empty, for the next run to fill.
 */
async function cleanUp(
  ctx: ImportContext,
  step: ImportStep,
  id: string,
  error: Error,
): Promise<Error> {
  if (step.create.id) {
    const status = (await ctx.glance.findImage(id).catch(() => null))?.status
    if (status === 'queued') {
      return new ImportError(
        `${error.message} (the empty image keeps its fixed id ${id}; the next run fills it)`,
      )
    }
  }
  try {
    await ctx.glance.deleteImage(id)
  } catch (e) {
    ctx.reporter.warning(
      `${step.image.name}: could not delete the half-made image ${id}: ${(e as Error).message}`,
    )
  }
  return step.create.id
    ? new ImportError(
        `${error.message} (Glance will not take the fixed id ${id} again: change or drop the version's id)`,
      )
    : error
}

/**
 * A new private image with every property and tag, or, for a fixed id whose
 * earlier import was interrupted, that same image when it can still take data.
 */
async function createOrReuse(ctx: ImportContext, step: ImportStep): Promise<Image> {
  if (step.create.id && step.replaces?.id === step.create.id) {
    const image = await ctx.glance.getImage(step.create.id)
    if (image.status === 'queued') return image
    throw new ImportError(
      `the image with the fixed id ${step.create.id} is '${image.status}' and Glance never reuses an id: delete it and drop or change the id`,
    )
  }
  const { properties, ...attributes } = step.create
  return ctx.glance.createImage({ ...attributes, ...properties } as Parameters<
    GlanceClient['createImage']
  >[0])
}

/**
 * After a failed web-download the image is back in queued and can take staged
 * data, unless Glance still holds its import lock (Glance 2025.1 after a failed
 * conversion): then the next import call could only get a 409, and the first
 * failure's cause is the answer.
 */
async function resetForRetry(
  ctx: ImportContext,
  id: string,
  failure: Error,
  next: string,
): Promise<Image> {
  const image = await ctx.glance.getImage(id)
  const task = lockHolder(image)
  if (task) throw lockedAfterFailure(failure, task, next)
  if (image.status !== 'queued')
    throw new ImportError(`cannot retry: the image is '${image.status}'`)
  return image
}

export const resolveBaseDir = (definitionFile: string): string =>
  path.dirname(path.resolve(definitionFile))
