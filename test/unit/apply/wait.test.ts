import { describe, expect, it } from 'vitest'
import {
  ImportClock,
  ImportError,
  ImportRejected,
  TASK_READ_EVERY_MS,
  isReleased,
  taskReadGapMs,
  waitReleased,
  type WaitOptions,
} from '../../../src/apply/wait.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import type { Image, ImageTask } from '../../../src/openstack/glance/types.js'

const image = (status: Image['status'], properties: Record<string, string> = {}) =>
  ({ status, properties }) as Image

describe('isReleased', () => {
  it.each([
    [image('active'), true],
    [image('active', { os_glance_importing_to_stores: '' }), true],
    [image('active', { os_glance_import_task: 'f00' }), false],
    [image('active', { os_glance_importing_to_stores: 'file' }), false],
    [image('importing'), false],
    [image('deactivated'), false],
  ])('%o -> %s', (i, released) => expect(isReleased(i)).toBe(released))
})

describe('ImportClock', () => {
  it('looks first after 1 s, then a little before the median import of the run', () => {
    const clock = new ImportClock()
    expect(clock.firstPollMs()).toBe(1000)
    for (const ms of [3000, 4000, 10_000]) clock.record(ms)
    expect(clock.firstPollMs()).toBe(3600)
  })

  it('follows the recent imports and stays within 0.25 to 30 s', () => {
    const clock = new ImportClock()
    for (let i = 0; i < 40; i++) clock.record(120_000)
    expect(clock.firstPollMs()).toBe(30_000)
    for (let i = 0; i < 16; i++) clock.record(10)
    expect(clock.firstPollMs()).toBe(250)
  })
})

/** One poll's answer: the image's status and properties, and what the task says then. */
interface Poll {
  status: Image['status']
  properties?: Record<string, string>
  disk_format?: Image['disk_format']
  size?: number | null
  /** The task of this import as Glance lists it at this poll (default: processing). */
  task?: Partial<ImageTask>
}

/**
 * A Glance answering a script of polls on a fake clock: each getImage takes the
 * next poll (the last repeats), each imageTasks answers the current poll's task.
 */
function scripted(polls: Poll[], options: { tasks?: 'none' | 'fails'; older?: ImageTask[] } = {}) {
  let clock = 0
  let i = -1
  const reads = { images: 0, tasks: 0, taskTimes: [] as number[], taskStatuses: new Set<string>() }
  const current = (): Poll => polls[Math.min(Math.max(i, 0), polls.length - 1)] as Poll
  const glance = {
    apiVersion: 'v2.15',
    async getImage(id: string): Promise<Image> {
      reads.images++
      i++
      const p = current()
      return {
        id,
        status: p.status,
        disk_format: p.disk_format ?? 'qcow2',
        size: p.size ?? null,
        properties: p.properties ?? {},
      } as Image
    },
    async imageTasks(): Promise<ImageTask[] | null> {
      reads.tasks++
      reads.taskTimes.push(clock)
      reads.taskStatuses.add(current().status)
      if (options.tasks === 'none') return null
      if (options.tasks === 'fails') throw new Error('403 Forbidden')
      const task: ImageTask = {
        id: 'task-now',
        type: 'api_image_import',
        status: 'processing',
        message: '',
        result: null,
        created_at: '2026-01-01T00:00:10.000000',
        updated_at: '2026-01-01T00:00:10.000000',
        method: 'glance-direct',
        ...current().task,
      }
      return [...(options.older ?? []), task]
    },
  } as unknown as GlanceClient
  const options_: WaitOptions = {
    glance,
    deadline: 1_800_000,
    clock: new ImportClock(),
    sleep: async (ms) => void (clock += ms),
    now: () => clock,
    queuedGraceMs: 20_000,
    task: { method: 'glance-direct', declaredFormat: 'qcow2' },
  }
  return { glance, reads, options: options_, elapsed: () => clock }
}

const failed = (message: string): Partial<ImageTask> => ({ status: 'failure', message })
const INTERNAL = 'Task failed due to Internal Error'

describe('waitReleased: a failed import task', () => {
  it('ends a glance-direct import that stays importing at the first look, with Glance’s message, as ImportRejected', async () => {
    // Glance 25 after a refused conversion: the image stays importing, only the task failed.
    const g = scripted([
      {
        status: 'importing',
        properties: { os_glance_importing_to_stores: 'fs' },
        task: failed(INTERNAL),
      },
    ])
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRejected)
    expect((error as Error).message).toBe(
      `Glance failed the import: "${INTERNAL}" (task task-now); Glance's API gives no other reason, its log has it under that task id (common causes: data that is not the declared disk_format 'qcow2', a storage quota)`,
    )
    expect(g.elapsed()).toBe(1000)
    expect(g.reads).toMatchObject({ images: 1, tasks: 1 })
  })

  it('reads the task of an image importing every 2 s at first, then at most every 10 s; never while active or uploading', async () => {
    const g = scripted([
      { status: 'uploading' },
      ...Array.from({ length: 200 }, (): Poll => ({ status: 'importing' })),
      { status: 'active', properties: { os_glance_import_task: 'task-now' } },
      { status: 'active', properties: { os_glance_import_task: 'task-now' } },
      { status: 'active' },
    ])
    const image = await waitReleased('img', g.options)
    expect(image.status).toBe('active')
    expect(g.reads.images).toBe(204)
    expect([...g.reads.taskStatuses]).toEqual(['importing'])
    // 200 polls of an importing image over about 400 s: not a task read per poll.
    const times = g.reads.taskTimes
    const gaps = times.slice(1).map((t, k) => t - (times[k] as number))
    for (const [k, gap] of gaps.entries())
      expect(gap).toBeGreaterThanOrEqual(taskReadGapMs(times[k + 1] as number))
    expect(gaps[0]).toBeLessThanOrEqual(2000 + 2000)
    expect(gaps.slice(-5).every((gap) => gap >= TASK_READ_EVERY_MS)).toBe(true)
    expect(times.length).toBeLessThan(g.elapsed() / TASK_READ_EVERY_MS + 10)
  })

  it('taskReadGapMs: a third of the wait so far, within 2 and 10 s', () => {
    expect([0, 3000, 9000, 24_000, 60_000].map(taskReadGapMs)).toEqual([
      2000, 2000, 3000, 8000, 10_000,
    ])
  })

  it('notices a task that fails later within TASK_READ_EVERY_MS plus one poll', async () => {
    const polls: Poll[] = Array.from({ length: 30 }, () => ({ status: 'importing' }))
    polls.push({ status: 'importing', task: failed(INTERNAL) })
    const g = scripted(polls)
    const failedAt = { at: 0 }
    const error = await waitReleased('img', {
      ...g.options,
      sleep: async (ms) => {
        await g.options.sleep(ms)
        if (g.reads.images === 30) failedAt.at = g.elapsed()
      },
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRejected)
    expect(g.elapsed() - failedAt.at).toBeLessThanOrEqual(TASK_READ_EVERY_MS + 2000)
  })

  it('a web-download failing with no reason may have been the download: ImportError, the fallback may run', async () => {
    const g = scripted([
      { status: 'importing' },
      {
        status: 'queued',
        properties: { os_glance_failed_import: 'fs' },
        task: { ...failed(INTERNAL), method: 'web-download' },
      },
    ])
    g.options.task = { method: 'web-download', declaredFormat: 'qcow2' }
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect(error).not.toBeInstanceOf(ImportRejected)
    expect((error as Error).message).toContain(`Glance failed the import: "${INTERNAL}"`)
  })

  it.each([
    [
      'a message naming a quota',
      { disk_format: 'qcow2' as const },
      'Project x is over a limit for [Resource image_size_total is over limit of 8 due to current usage 16 and delta 0]',
    ],
    [
      'data Glance had already converted',
      { disk_format: 'raw' as const, size: 16 * 2 ** 20 },
      INTERNAL,
    ],
  ])('a web-download refused for %s is ImportRejected: no fallback', async (_, image, message) => {
    const g = scripted([
      {
        status: 'queued',
        properties: { os_glance_failed_import: 'fs' },
        ...image,
        task: { ...failed(message), method: 'web-download' },
      },
    ])
    g.options.task = { method: 'web-download', declaredFormat: 'qcow2' }
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRejected)
    expect((error as Error).message).toContain(message)
    if (image.disk_format === 'raw') {
      expect((error as Error).message).toContain(
        'Glance had converted the data to raw (16 MiB) and storing it failed: a storage quota the converted image exceeds, or a full store',
      )
    }
  })

  it('a single-store import back to queued after importing has failed: no wait for the timeout', async () => {
    const g = scripted([
      { status: 'importing' },
      { status: 'queued', task: failed('Image upload problem: refused') },
    ])
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'Glance failed the import: "Image upload problem: refused" (task task-now)',
    )
    expect(g.elapsed()).toBeLessThan(5000)
  })

  it('back to queued after importing fails even where tasks cannot be read', async () => {
    const g = scripted([{ status: 'importing' }, { status: 'queued' }], { tasks: 'fails' })
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      "Glance put the image back to 'queued' after importing it: the import failed",
    )
    // The first read failed: no more reads for this import.
    expect(g.reads.tasks).toBe(1)
  })

  it('without the tasks call (API before v2.12) waits as before, reading nothing more', async () => {
    const g = scripted([{ status: 'importing' }], { tasks: 'none' })
    const error = await waitReleased('img', { ...g.options, deadline: 60_000 }).catch(
      (e: unknown) => e,
    )
    expect((error as Error).message).toBe("the image is still 'importing' after the import timeout")
    expect(g.reads.tasks).toBe(1)
  })

  it('waits for the task to be marked failed when the image shows the failure first', async () => {
    let reads = 0
    const g = scripted([{ status: 'queued', properties: { os_glance_failed_import: 'fs' } }])
    const imageTasks = g.glance.imageTasks.bind(g.glance)
    g.glance.imageTasks = async (id) => {
      const tasks = (await imageTasks(id)) as ImageTask[]
      return reads++ === 0 ? tasks : tasks.map((t) => ({ ...t, ...failed('quota exceeded') }))
    }
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRejected)
    expect((error as Error).message).toBe(
      'Glance failed the import: "quota exceeded" (task task-now)',
    )
  })

  it("an earlier method's failed stores with this import's task running are stale: the wait goes on", async () => {
    // After a failed web-download the image still names the failed store until the
    // glance-direct task starts and clears it.
    const g = scripted([
      { status: 'uploading', properties: { os_glance_failed_import: 'fs' } },
      { status: 'importing' },
      { status: 'active' },
    ])
    expect((await waitReleased('img', g.options)).status).toBe('active')
  })

  it('failed stores with no task to read fail the import as before', async () => {
    const g = scripted([{ status: 'queued', properties: { os_glance_failed_import: 'fs' } }], {
      tasks: 'none',
    })
    const error = await waitReleased('img', g.options).catch((e: unknown) => e)
    expect((error as Error).message).toBe('Glance reports the import failed (stores: fs)')
  })

  it('an older failed task of the same method (a reused image) is not this import’s', async () => {
    const older: ImageTask = {
      id: 'task-before',
      type: 'api_image_import',
      status: 'failure',
      message: INTERNAL,
      result: null,
      created_at: '2026-01-01T00:00:00.000000',
      updated_at: '2026-01-01T00:00:01.000000',
      method: 'glance-direct',
    }
    const g = scripted([{ status: 'importing' }, { status: 'active' }], { older: [older] })
    expect((await waitReleased('img', g.options)).status).toBe('active')
  })

  it('a plain upload has no task: none is read', async () => {
    const g = scripted([{ status: 'saving' }, { status: 'queued' }, { status: 'active' }])
    delete g.options.task
    expect((await waitReleased('img', g.options)).status).toBe('active')
    expect(g.reads.tasks).toBe(0)
  })
})
