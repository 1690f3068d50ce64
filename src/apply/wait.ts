// Waiting for an import to finish. Glance marks an image `active` while its
// import task still holds the image's lock (`os_glance_import_task` set); when
// the task lets go it saves the copy it loaded earlier, so a write sent in that
// window is silently undone. An import is finished only once Glance released it.
// An import Glance failed may leave the image `importing` for good: its task
// says so at once, so the task is read too (docs/behaviour.md §4).
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Image, ImageTask } from '../openstack/glance/types.js'

export class ImportError extends Error {
  override readonly name: string = 'ImportError'
}

/**
 * Glance refused the data itself (its format, a quota): another method would
 * send the same bytes to the same refusal, so the fallback tries none.
 */
export class ImportRejected extends ImportError {
  override readonly name: string = 'ImportRejected'
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

/** An import's task, read to learn at once that Glance failed it, and why. */
export interface TaskSpec {
  method: 'web-download' | 'glance-direct'
  /** The disk_format the image was created with: a different one now means Glance converted the data. */
  declaredFormat?: string | null
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
  /** The import call made, whose task to read; none for a plain upload (`PUT /file` runs no task). */
  task?: TaskSpec
}

/**
 * The task of an image still importing is read at most this often (each read
 * is a request); more often early on, when Glance refuses most imports.
 */
export const TASK_READ_EVERY_MS = 10_000

/** The gap between two reads of the task: a third of the wait so far, within 2 s and TASK_READ_EVERY_MS. */
export const taskReadGapMs = (waitedMs: number): number =>
  Math.min(TASK_READ_EVERY_MS, Math.max(2000, Math.round(waitedMs / 3)))

/** Polls until the image is active and released (see above). Throws on failure or timeout. */
export async function waitReleased(id: string, o: WaitOptions): Promise<Image> {
  const started = o.now()
  let queuedSince = o.queuedSince
  const watch = o.task ? new TaskWatch(id, o.task, o) : undefined
  let importing = false
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
    const failed = await importFailure(image, importing, watch)
    if (failed) throw failed
    importing ||= image.status === 'importing'
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

/**
 * The import's failure, if this poll shows one. A multi-store Glance names the
 * stores it failed for; a single-store one puts the image back to `queued`;
 * both read the task for Glance's reason, and a task still running says the
 * sign is stale (an earlier method's failed stores, cleared once the new task
 * starts). An import whose conversion or storing failed may stay `importing`:
 * only its task tells, read every taskReadGapMs while importing or queued.
 */
async function importFailure(
  image: Image,
  wasImporting: boolean,
  watch: TaskWatch | undefined,
): Promise<ImportError | undefined> {
  const failedStores = image.properties.os_glance_failed_import
  if (failedStores || (wasImporting && image.status === 'queued')) {
    const task = await watch?.look(true)
    if (task?.status === 'failure') return watch?.error(task, image)
    if (task && task.status !== 'success') return undefined
    return new ImportError(
      failedStores
        ? `Glance reports the import failed (stores: ${failedStores})`
        : "Glance put the image back to 'queued' after importing it: the import failed",
    )
  }
  if (image.status !== 'importing' && image.status !== 'queued') return undefined
  const task = await watch?.look(false)
  return task?.status === 'failure' ? watch?.error(task, image) : undefined
}

/** Glance's message when it gives no reason (Glance 25 to 2025.1 for a refused format or a quota). */
const GENERIC = /internal error/i
/** Words of Glance's messages that refuse the data rather than fail to fetch it. */
const REFUSED = /quota|limit|exceed|too large|format|disallowed|storage full/i

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`

/** Reads the import's task: the newest of its method (a reused image keeps older ones). */
class TaskWatch {
  private lastRead = -Infinity
  private unreadable = false
  private readonly started: number
  constructor(
    private readonly id: string,
    private readonly spec: TaskSpec,
    private readonly o: Pick<WaitOptions, 'glance' | 'now' | 'sleep'>,
  ) {
    this.started = o.now()
  }

  /**
   * This import's task, or undefined when not read (read lately, unless
   * `force`) or not readable. Forced, a task still running is read once more
   * a second later: the image shows a failure a moment before its task.
   */
  async look(force: boolean): Promise<ImageTask | undefined> {
    const at = this.o.now()
    if (!force && at - this.lastRead < taskReadGapMs(at - this.started)) return undefined
    const task = await this.read()
    if (!force || !task || task.status === 'failure' || task.status === 'success') return task
    await this.o.sleep(1000)
    return (await this.read()) ?? task
  }

  private async read(): Promise<ImageTask | undefined> {
    if (this.unreadable) return undefined
    this.lastRead = this.o.now()
    // Where the tasks cannot be read (an older Glance, a policy), the image alone tells.
    const tasks = await this.o.glance.imageTasks(this.id).catch(() => null)
    if (tasks === null) {
      this.unreadable = true
      return undefined
    }
    return tasks
      .filter((t) => t.method === this.spec.method)
      .reduce<ImageTask | undefined>(
        (newest, t) => (!newest || t.created_at >= newest.created_at ? t : newest),
        undefined,
      )
  }

  /**
   * The error for a failed task, with Glance's message. What Glance refused
   * (the data streamed by glance-direct; a message naming a quota or format;
   * data already converted) is ImportRejected: no other method is tried. A
   * web-download failing with no reason may be the download: it may fall back.
   */
  error(task: ImageTask, image: Image): ImportError {
    const declared = this.spec.declaredFormat
    // Glance sets disk_format only once its conversion succeeded: what failed then was storing it.
    const converted = !!declared && image.disk_format !== null && image.disk_format !== declared
    const said = task.message || (task.result ? JSON.stringify(task.result) : 'no reason given')
    let reason = `Glance failed the import: "${said}" (task ${task.id})`
    if (converted) {
      reason += `; Glance had converted the data to ${image.disk_format}${image.size !== null ? ` (${mib(image.size)})` : ''} and storing it failed: a storage quota the converted image exceeds, or a full store`
    } else if (GENERIC.test(said)) {
      reason += `; Glance's API gives no other reason, its log has it under that task id (common causes: data that is not the declared disk_format${declared ? ` '${declared}'` : ''}, a storage quota)`
    }
    const rejected = this.spec.method !== 'web-download' || converted || REFUSED.test(said)
    return rejected ? new ImportRejected(reason) : new ImportError(reason)
  }
}
