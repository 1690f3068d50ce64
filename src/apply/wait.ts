// Waiting for an import to finish. Glance marks an image `active` while its
// import task still holds the image's lock (`os_glance_import_task` set); when
// the task lets go it saves the copy it loaded earlier, so a write sent in that
// window is silently undone. An import is finished only once Glance released it.
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Image } from '../openstack/glance/types.js'

export class ImportError extends Error {
  override readonly name = 'ImportError'
}

/** Active and no longer held by an import task: writes now stick. */
export function isReleased(image: Image): boolean {
  const p = image.properties
  return image.status === 'active' && !p.os_glance_import_task && !p.os_glance_importing_to_stores
}

/**
 * How long imports of this run took, so the first poll of the next one comes
 * when it is likely done: a poll that finds nothing new costs a request and,
 * for a busy cloud, no time is gained by asking earlier.
 */
export class ImportClock {
  private readonly samples: number[] = []
  constructor(private readonly initialMs = 1000) {}

  /** When to look first: a little before the median import of this run. */
  firstPollMs(): number {
    if (this.samples.length === 0) return this.initialMs
    const sorted = [...this.samples].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] as number
    return Math.min(30_000, Math.max(250, Math.round(median * 0.9)))
  }

  record(ms: number): void {
    this.samples.push(ms)
    // The recent past says most about the cloud's current load.
    if (this.samples.length > 16) this.samples.shift()
  }
}

export interface WaitOptions {
  glance: GlanceClient
  deadline: number
  clock: ImportClock
  sleep: (ms: number) => Promise<void>
  now: () => number
  /** Set for web-download: since when the image may sit in `queued` before that is a failure. */
  queuedSince?: number
  queuedGraceMs: number
}

/** Polls until the image is active and released (see above). Throws on failure or timeout. */
export async function waitReleased(id: string, o: WaitOptions): Promise<Image> {
  const started = o.now()
  let queuedSince = o.queuedSince
  const first = o.clock.firstPollMs()
  let wait = first
  // After a miss, look again at a fraction of the expected time, a little later each time.
  let step = Math.min(2000, Math.max(250, first * 0.3))
  for (;;) {
    await o.sleep(Math.min(wait, Math.max(0, o.deadline - o.now())))
    // When the look was sent, not answered: a slow answer must not push the next first look later.
    const asked = o.now()
    const image = await o.glance.getImage(id)
    if (isReleased(image)) {
      o.clock.record(asked - started)
      return image
    }
    if (image.status === 'killed' || image.status === 'deleted') {
      throw new ImportError(`the image became '${image.status}'`)
    }
    const failedStores = image.properties.os_glance_failed_import
    if (failedStores)
      throw new ImportError(`Glance reports the import failed (stores: ${failedStores})`)
    // A web-download that fails quietly leaves the image queued.
    if (image.status === 'queued' && queuedSince !== undefined) {
      if (o.now() - queuedSince > o.queuedGraceMs) {
        throw new ImportError('the image is stuck in queued: Glance did not start the import')
      }
    } else queuedSince = undefined
    if (o.now() >= o.deadline) {
      throw new ImportError(`the image is still '${image.status}' after the import timeout`)
    }
    // Active but still held: the task lets go within moments.
    wait = image.status === 'active' ? 200 : step
    step = Math.min(2000, step * 1.5)
  }
}
