// SPEC 4: create the image private, fill it, wait for active, then make it final.
// Web-download by default, falling back once to glance-direct streaming; plain
// upload where the cloud has no interoperable import. A failed import leaves no image.
import path from 'node:path'
import { ChecksumMismatchError, openDownload, probeUrl } from '../openstack/download.js'
import type { GlanceClient } from '../openstack/glance.js'
import type { Http } from '../openstack/http.js'
import type { PatchOperation } from '../openstack/glance-patch.js'
import type { Image } from '../openstack/glance-types.js'
import type { ImportStep } from '../plan/types.js'
import { desiredMinDisk } from '../plan/diff.js'
import type { Reporter } from '../reporter.js'

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
  /** The client for image sources (HEAD check, streamed download); never the cloud's. */
  upstream?: Http
}

export class ImportError extends Error {
  override readonly name = 'ImportError'
}

/** The methods to try, in order (SPEC 4). */
export function importMethods(source: string, offered: readonly string[]): ImportMethod[] {
  const direct: ImportMethod = offered.includes('glance-direct') ? 'glance-direct' : 'upload'
  if (source.startsWith('file:') || !offered.includes('web-download')) return [direct]
  return ['web-download', direct]
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until active: fast at first, then every 2 s (a late look costs a big image seconds). Throws on failure or timeout. */
async function waitActive(
  ctx: ImportContext,
  id: string,
  deadline: number,
  queuedSince?: number,
): Promise<Image> {
  const sleep = ctx.sleep ?? delay
  const now = ctx.now ?? Date.now
  let interval = 250
  for (;;) {
    const image = await ctx.glance.getImage(id)
    if (image.status === 'active') return image
    if (image.status === 'killed' || image.status === 'deleted') {
      throw new ImportError(`the image became '${image.status}'`)
    }
    const failedStores = image.properties.os_glance_failed_import
    if (failedStores)
      throw new ImportError(`Glance reports the import failed (stores: ${failedStores})`)
    // A web-download that fails quietly leaves the image queued (SPEC 4).
    if (image.status === 'queued' && queuedSince !== undefined) {
      if (now() - queuedSince > (ctx.queuedGraceMs ?? 20_000)) {
        throw new ImportError('the image is stuck in queued: Glance did not start the import')
      }
    } else queuedSince = undefined
    if (now() >= deadline) {
      throw new ImportError(`the image is still '${image.status}' after the import timeout`)
    }
    await sleep(Math.min(interval, Math.max(0, deadline - now())))
    interval = Math.min(interval * 2, 2000)
  }
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
  const body = download.stream
  if (method === 'glance-direct') {
    await ctx.glance.stageImage(id, body, download.size)
    await download.result
    await ctx.glance.importImage(id, 'glance-direct')
  } else {
    await ctx.glance.uploadImage(id, body, download.size)
    await download.result
  }
}

async function fill(
  ctx: ImportContext,
  step: ImportStep,
  id: string,
  method: ImportMethod,
  deadline: number,
): Promise<Image> {
  if (method === 'web-download') {
    await ctx.glance.importImage(id, 'web-download', { uri: step.source })
    return waitActive(ctx, id, deadline, (ctx.now ?? Date.now)())
  }
  await stream(ctx, step, id, method)
  return waitActive(ctx, id, deadline)
}

/** Imports one image; returns it active, final visibility, min_disk and status set. */
export async function runImport(ctx: ImportContext, step: ImportStep): Promise<Image> {
  const now = ctx.now ?? Date.now
  const deadline = now() + ctx.timeoutMs
  // Check the source first: a dead url creates nothing.
  try {
    await probeUrl(step.source, {
      ...(ctx.upstream ? { http: ctx.upstream } : {}),
      baseDir: ctx.baseDir,
    })
  } catch (error) {
    throw new ImportError(`source ${step.source} is not available: ${(error as Error).message}`)
  }
  let image = await createOrReuse(ctx, step)
  try {
    const methods = importMethods(step.source, ctx.methods)
    for (const [i, method] of methods.entries()) {
      try {
        image = await fill(ctx, step, image.id, method, deadline)
        break
      } catch (error) {
        const last = i === methods.length - 1
        // Past the import timeout the import has failed (SPEC 4); a second method would get no time.
        if (last || error instanceof ChecksumMismatchError || now() >= deadline) throw error
        ctx.reporter.warning(
          `${step.image.name}: ${method} failed (${(error as Error).message}); trying ${methods[i + 1]}`,
        )
        image = await resetForRetry(ctx, image.id)
      }
    }
    // Visibility only now, so nobody boots a half-imported image; min_disk once the size is known.
    const minDisk = desiredMinDisk(step.create.min_disk, image.size)
    const ops: PatchOperation[] = []
    if (step.then.visibility !== 'private')
      ops.push({ op: 'replace', path: '/visibility', value: step.then.visibility })
    if (minDisk !== image.min_disk) ops.push({ op: 'replace', path: '/min_disk', value: minDisk })
    const final = ops.length ? await ctx.glance.patchImage(image.id, ops) : image
    if (step.then.status === 'deactivated') await ctx.glance.deactivateImage(image.id)
    return final
  } catch (error) {
    throw await cleanUp(ctx, step, image.id, error as Error)
  }
}

/**
 * A failed import leaves no half-made image (SPEC 4), with one exception:
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

/** After a failed web-download the image is back in queued and can take staged data. */
async function resetForRetry(ctx: ImportContext, id: string): Promise<Image> {
  const image = await ctx.glance.getImage(id)
  if (image.status !== 'queued')
    throw new ImportError(`cannot retry: the image is '${image.status}'`)
  return image
}

export const resolveBaseDir = (definitionFile: string): string =>
  path.dirname(path.resolve(definitionFile))
