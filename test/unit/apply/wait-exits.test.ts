// Every way waitReleased ends (src/apply/wait.ts), through its public
// functions and a fake Glance on a fake clock: released, killed, deleted, a
// failed import task (and Glance's words for it), stuck in `queued`, the
// deadline; and the poll timing that decides how soon each is seen.
import { describe, expect, it } from 'vitest'
import {
  ImportClock,
  ImportError,
  ImportRejected,
  waitReleased,
  type TaskSpec,
  type WaitOptions,
} from '../../../src/apply/wait.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import type { Image, ImageTask } from '../../../src/openstack/glance/types.js'

interface Poll {
  status: Image['status']
  properties?: Record<string, string>
  disk_format?: Image['disk_format']
  size?: number | null
}

/** What the tasks call answers at its n-th read (0-based): tasks, null (no such call) or a throw. */
type Tasks = (n: number) => ImageTask[] | null | 'throw'

const task = (status: string, more: Partial<ImageTask> = {}): ImageTask => ({
  id: 'task-1',
  type: 'api_image_import',
  status,
  message: '',
  result: null,
  created_at: '2026-01-01T00:00:10.000000',
  updated_at: '2026-01-01T00:00:10.000000',
  method: 'glance-direct',
  ...more,
})

/**
 * A Glance answering the polls in turn (the last repeats) on a fake clock
 * that starts at `start`; each answer takes `answerMs`. More than 60 polls
 * is a bug of the wait (a loop that never ends), not a test timeout.
 */
function fake(polls: Poll[], tasks: Tasks = () => null, start = 5000, answerMs = 0) {
  let now = start
  const log = { sleeps: [] as number[], polls: [] as number[], taskReads: 0 }
  const glance = {
    async getImage(id: string): Promise<Image> {
      log.polls.push(now)
      if (log.polls.length > 60) throw new Error('poll limit: the wait does not end')
      const p = polls[Math.min(log.polls.length - 1, polls.length - 1)] as Poll
      now += answerMs
      return {
        id,
        status: p.status,
        disk_format: p.disk_format === undefined ? 'qcow2' : p.disk_format,
        size: p.size ?? null,
        properties: p.properties ?? {},
      } as Image
    },
    async imageTasks(): Promise<ImageTask[] | null> {
      const answer = tasks(log.taskReads++)
      if (answer === 'throw') throw new Error('403 Forbidden')
      return answer
    },
  } as unknown as GlanceClient
  const options = (more: Partial<WaitOptions> = {}): WaitOptions => ({
    glance,
    deadline: start + 600_000,
    clock: new ImportClock(),
    sleep: async (ms) => {
      log.sleeps.push(ms)
      now += ms
    },
    now: () => now,
    queuedGraceMs: 20_000,
    ...more,
  })
  return { log, options, now: () => now }
}

const direct: TaskSpec = { method: 'glance-direct', declaredFormat: 'qcow2' }
const web: TaskSpec = { method: 'web-download', declaredFormat: 'qcow2' }

const failure = (error: unknown): Error => {
  expect(error).toBeInstanceOf(ImportError)
  return error as Error
}
const waitFails = (f: ReturnType<typeof fake>, more: Partial<WaitOptions> = {}) =>
  waitReleased('img', f.options(more)).then(
    () => expect.fail('the wait ended released'),
    (e: unknown) => failure(e),
  )

describe('waitReleased: released', () => {
  it('polls at the first look, then 0.3 of it growing by half to 2 s, 200 ms while held; records the wait by when asked', async () => {
    const polls: Poll[] = [
      ...Array.from({ length: 7 }, (): Poll => ({ status: 'importing' })),
      { status: 'active', properties: { os_glance_import_task: 't' } },
      { status: 'active', properties: { os_glance_importing_to_stores: 'fs' } },
      {
        status: 'active',
        properties: { os_glance_import_task: '', os_glance_importing_to_stores: '' },
      },
    ]
    const f = fake(polls, undefined, 5000, 7)
    const clock = new ImportClock()
    const image = await waitReleased('img', f.options({ clock }))
    expect(image.status).toBe('active')
    expect(f.log.sleeps).toEqual([1000, 300, 450, 675, 1012.5, 1518.75, 2000, 2000, 200, 200])
    // Asked at 5000 + the sleeps + 9 answers of 7 ms; the answer's own 7 ms are not counted.
    const asked = 9356.25 + 9 * 7
    expect(f.log.polls.at(-1)).toBe(5000 + asked)
    expect(clock.firstPollMs()).toBe(Math.round(asked * 0.9))
  })

  it('the step after a miss is 0.3 of the first look, within 250 ms and 2 s', async () => {
    const steps = async (first: number) => {
      const f = fake([{ status: 'saving' }, { status: 'saving' }, { status: 'active' }])
      await waitReleased('img', f.options({ clock: new ImportClock(first) }))
      return f.log.sleeps
    }
    expect(await steps(500)).toEqual([500, 250, 375])
    expect(await steps(20_000)).toEqual([20_000, 2000, 2000])
  })

  it('the first look follows the median of the run, sorted, over the last 16 imports', () => {
    const clock = new ImportClock()
    for (const ms of [10_000, 3000, 4000]) clock.record(ms)
    expect(clock.firstPollMs()).toBe(3600)
    const window = new ImportClock()
    for (let s = 16; s >= 1; s--) window.record(s * 1000)
    // All 16 kept: the median of 1..16 s is the 9th, 9 s.
    expect(window.firstPollMs()).toBe(8100)
    window.record(100_000)
    // 16 s dropped: 1..15 s and 100 s, the 9th is 9 s still; one more drops 15 s.
    expect(window.firstPollMs()).toBe(8100)
  })
})

describe('waitReleased: the image ends', () => {
  it.each(['killed', 'deleted'] as const)(
    "'%s' ends the wait at once, before any failed-store sign, as ImportError",
    async (status) => {
      const f = fake([
        { status: 'importing' },
        { status, properties: { os_glance_failed_import: 'fs' } },
      ])
      const error = await waitFails(f, { task: direct })
      expect(error).not.toBeInstanceOf(ImportRejected)
      expect(error.name).toBe('ImportError')
      expect(error.message).toBe(`the image became '${status}'`)
      expect(f.log.polls).toHaveLength(2)
    },
  )
})

describe('waitReleased: the deadline', () => {
  it('the last sleep ends at the deadline and a poll then fails the wait, naming the status', async () => {
    const f = fake([{ status: 'importing' }])
    const error = await waitFails(f, { deadline: 5000 + 2500 })
    expect(error.message).toBe("the image is still 'importing' after the import timeout")
    expect(f.log.sleeps).toEqual([1000, 300, 450, 675, 75])
    expect(f.now()).toBe(7500)
  })

  it('a deadline already past: one look without sleeping, then the failure', async () => {
    const f = fake([{ status: 'saving' }])
    const error = await waitFails(f, { deadline: 4000 })
    expect(error.message).toBe("the image is still 'saving' after the import timeout")
    expect(f.log.sleeps).toEqual([0])
  })

  it('released at the deadline is released', async () => {
    const f = fake([{ status: 'active' }])
    expect((await waitReleased('img', f.options({ deadline: 6000 }))).status).toBe('active')
    expect(f.log.polls).toEqual([6000])
  })
})

describe('waitReleased: stuck in queued', () => {
  it('a web-download queued longer than the grace fails; at the grace exactly it waits on', async () => {
    const f = fake([{ status: 'queued' }], () => null)
    const error = await waitFails(f, { queuedSince: 5000, queuedGraceMs: 1000, task: web })
    expect(error.message).toBe('the image is stuck in queued: Glance did not start the import')
    expect(f.log.polls).toEqual([6000, 6300])
  })

  it('leaving queued restarts nothing: a later queued is not timed by the grace', async () => {
    const f = fake([{ status: 'queued' }, { status: 'saving' }, { status: 'queued' }])
    const error = await waitFails(f, { queuedSince: 5000, queuedGraceMs: 1000, deadline: 9000 })
    expect(error.message).toBe("the image is still 'queued' after the import timeout")
  })

  it('without queuedSince (a plain upload) queued is waited on until the deadline', async () => {
    const f = fake([{ status: 'queued' }])
    const error = await waitFails(f, { queuedGraceMs: 0, deadline: 9000 })
    expect(error.message).toBe("the image is still 'queued' after the import timeout")
  })
})

describe('waitReleased: the import task', () => {
  const failed =
    (message: string, more: Partial<ImageTask> = {}) =>
    () => [task('failure', { message, ...more })]

  it('a task that failed while queued (never importing) ends the wait with its words', async () => {
    const f = fake(
      [{ status: 'queued' }],
      failed('Image format disallowed', { method: 'web-download' }),
    )
    const error = await waitFails(f, { task: web, queuedSince: 5000 })
    expect(error).toBeInstanceOf(ImportRejected)
    expect(error.name).toBe('ImportRejected')
    expect(error.message).toBe('Glance failed the import: "Image format disallowed" (task task-1)')
  })

  it('no task is read while uploading or saving', async () => {
    const f = fake(
      [{ status: 'uploading' }, { status: 'saving' }, { status: 'active' }],
      failed('x'),
    )
    await waitReleased('img', f.options({ task: direct }))
    expect(f.log.taskReads).toBe(0)
  })

  it('failed stores while the task already succeeded: the image’s sign stands', async () => {
    const f = fake([{ status: 'queued', properties: { os_glance_failed_import: 'a,b' } }], () => [
      task('success'),
    ])
    const error = await waitFails(f, { task: direct })
    expect(error.message).toBe('Glance reports the import failed (stores: a,b)')
    // A finished task is not read a second time.
    expect(f.log.sleeps).toEqual([1000])
    expect(f.log.taskReads).toBe(1)
  })

  it('failed stores with a failed task: its words at once, read once, no second look', async () => {
    const f = fake([{ status: 'queued', properties: { os_glance_failed_import: 'fs' } }], () => [
      task('failure', { message: 'Image format disallowed' }),
    ])
    const error = await waitFails(f, { task: direct })
    expect(error.message).toBe('Glance failed the import: "Image format disallowed" (task task-1)')
    expect(f.log.sleeps).toEqual([1000])
    expect(f.log.taskReads).toBe(1)
  })

  it('while importing, the task is read when 2 s, later a third of the time waited, have passed since the last read', async () => {
    const reads: number[] = []
    let clock = (): number => 0
    const polls: Poll[] = [...Array<Poll>(14).fill({ status: 'importing' }), { status: 'active' }]
    const f = fake(polls, () => (reads.push(clock() - 5000), [task('processing')]))
    clock = f.now
    expect((await waitReleased('img', f.options({ task: direct }))).status).toBe('active')
    // Every 2 s at first, then a third of the time waited.
    expect(reads).toEqual([1000, 3437.5, 6956.25, 10956.25, 16956.25])
  })

  it('failed stores with the task running: read again a second later; running still, the wait goes on', async () => {
    const f = fake(
      [{ status: 'queued', properties: { os_glance_failed_import: 'fs' } }, { status: 'active' }],
      (n) => (n === 0 ? [task('processing')] : 'throw'),
    )
    // The second read fails: the running task read first still says the sign is stale.
    expect((await waitReleased('img', f.options({ task: direct }))).status).toBe('active')
    expect(f.log.sleeps).toEqual([1000, 1000, 300])
    expect(f.log.taskReads).toBe(2)
  })

  it('only tasks of this import’s method count; of two created together the later listed', async () => {
    const tasks = () => [
      task('failure', {
        id: 'wd',
        method: 'web-download',
        created_at: '2026-01-01T00:00:20.000000',
      }),
      task('failure', { id: 'old' }),
      task('processing', { id: 'now' }),
    ]
    const f = fake([{ status: 'importing' }, { status: 'active' }], tasks)
    expect((await waitReleased('img', f.options({ task: direct }))).status).toBe('active')
    expect(f.log.taskReads).toBe(1)
  })

  it('of the same method, the newest task counts, wherever it is listed', async () => {
    const tasks = () => [
      task('failure', { id: 'new', message: 'quota', created_at: '2026-01-01T00:00:30.000000' }),
      task('processing', { id: 'old' }),
    ]
    const f = fake([{ status: 'importing' }], tasks)
    expect((await waitFails(f, { task: direct })).message).toBe(
      'Glance failed the import: "quota" (task new)',
    )
  })
})

describe('waitReleased: the words and kind of a failed task', () => {
  const fails = async (
    t: Partial<ImageTask>,
    spec: TaskSpec,
    image: Partial<Poll> = {},
  ): Promise<Error> => {
    const f = fake([{ status: 'importing', ...image }], () => [task('failure', t)])
    return waitFails(f, { task: spec })
  }

  it('Glance’s result when it gives no message; else “no reason given”', async () => {
    expect((await fails({ result: { error: 'boom' } }, direct)).message).toBe(
      'Glance failed the import: "{"error":"boom"}" (task task-1)',
    )
    expect((await fails({}, direct)).message).toBe(
      'Glance failed the import: "no reason given" (task task-1)',
    )
  })

  it('the generic message, in any case, names the likely causes; without a declared format none is named', async () => {
    const said = 'INTERNAL ERROR'
    expect(
      (await fails({ message: said }, { method: 'glance-direct' }, { disk_format: 'raw' })).message,
    ).toBe(
      `Glance failed the import: "${said}" (task task-1); Glance's API gives no other reason, its log has it under that task id (common causes: data that is not the declared disk_format, a storage quota)`,
    )
  })

  it('converted data: no size when Glance reports none; a disk_format not yet set is no conversion', async () => {
    const converted = await fails({ message: 'x' }, direct, { disk_format: 'raw', size: null })
    expect(converted.message).toBe(
      'Glance failed the import: "x" (task task-1); Glance had converted the data to raw and storing it failed: a storage quota the converted image exceeds, or a full store',
    )
    const unset = await fails({ message: 'x', method: 'web-download' }, web, { disk_format: null })
    expect(unset.message).toBe('Glance failed the import: "x" (task task-1)')
    expect(unset).not.toBeInstanceOf(ImportRejected)
    const converted2 = await fails({ message: 'x', method: 'web-download' }, web, {
      disk_format: 'raw',
      size: 1.4 * 2 ** 20,
    })
    expect(converted2).toBeInstanceOf(ImportRejected)
    expect(converted2.message).toContain('converted the data to raw (1 MiB)')
  })

  it.each([
    ['Quota exceeded for image storage', true],
    ['over the size limit', true],
    ['would exceed the maximum', true],
    ['image too large', true],
    ['unsupported format vmdk', true],
    ['disk_format disallowed', true],
    ['Storage full', true],
    ['Connection refused fetching https://x/a.img', false],
  ])('a web-download failing with “%s” refused the data: %s', async (message, refused) => {
    const error = await fails({ message, method: 'web-download' }, web)
    expect(error instanceof ImportRejected).toBe(refused)
    expect(error.message).toBe(`Glance failed the import: "${message}" (task task-1)`)
  })
})
