// runImport after a failed web-download (docs/behaviour.md §4, "When Glance
// refuses"): while Glance holds the image's import lock no other method is
// tried, the first failure's cause is the error, and the image is deleted.
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/apply/import.js'
import { ImportClock, ImportRejected } from '../../../src/apply/wait.js'
import type { Http } from '../../../src/http/client.js'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import type { Image, ImageTask } from '../../../src/openstack/glance/types.js'
import type { ImportStep } from '../../../src/plan/types.js'

const TASK: ImageTask = {
  id: 'task-1',
  type: 'api_image_import',
  status: 'failure',
  message: 'Task failed due to Internal Error',
  result: null,
  created_at: '2026-12-07T10:00:00Z',
  updated_at: '2026-12-07T10:00:01Z',
  method: 'web-download',
}

/** A Glance whose web-download fails at once; `lock`: the task keeps the lock (Glance 2025.1). */
function failingGlance(lock: boolean) {
  const calls: string[] = []
  const image: Image = {
    id: 'img-1',
    name: 'x',
    status: 'queued',
    disk_format: 'qcow2',
    properties: {
      os_glance_failed_import: '',
      ...(lock ? { os_glance_import_task: 'task-1' } : {}),
    },
  } as unknown as Image
  const glance = {
    createImage: () => (calls.push('create'), Promise.resolve(image)),
    importImage: (_: string, method: string) => (calls.push(`import ${method}`), Promise.resolve()),
    getImage: () => Promise.resolve(image),
    imageTasks: () => Promise.resolve([TASK]),
    stageImage: () => (calls.push('stage'), Promise.reject(new Error('sniffed data is staged'))),
    deleteImage: () => (calls.push('delete'), Promise.resolve()),
  } as unknown as GlanceClient
  return { glance, calls, image }
}

const step = {
  action: 'import',
  image: { name: 'x' },
  version: '1',
  source: 'http://images.test/x.qcow2',
  stream: false,
  verification: 'unverified (verify: none)',
  create: { name: 'x', disk_format: 'qcow2', container_format: 'bare', properties: {}, tags: [] },
  then: { visibility: 'private', status: 'active' },
  reason: 'missing in Glance',
} as unknown as ImportStep

const upstream = {
  request: () => Promise.resolve({ status: 200, headers: new Headers(), url: step.source }),
} as unknown as Http

async function run(lock: boolean) {
  const fake = failingGlance(lock)
  // Each poll sees the queued image after `importing`: single-store Glance's sign of a failure.
  let polls = 0
  fake.glance.getImage = () => {
    polls++
    return Promise.resolve({ ...fake.image, status: polls === 1 ? 'importing' : 'queued' })
  }
  const warnings: string[] = []
  const error = await runImport(
    {
      glance: fake.glance,
      methods: ['web-download', 'glance-direct'],
      timeoutMs: 60_000,
      baseDir: '/',
      reporter: { info: () => {}, warning: (m: string) => warnings.push(m) } as never,
      sleep: () => Promise.resolve(),
      clock: new ImportClock(1),
      upstream,
    },
    step,
  ).catch((e: unknown) => e as Error)
  return { error: error as Error, calls: fake.calls, warnings }
}

describe('runImport: the import lock after a failed web-download', () => {
  it('lock held: no glance-direct, the task message leads, the lock is named, the image is deleted', async () => {
    const { error, calls, warnings } = await run(true)
    expect(error).toBeInstanceOf(ImportRejected)
    expect(error.message).toMatch(
      /^Glance failed the import: "Task failed due to Internal Error" \(task task-1\).*; not retried with glance-direct: Glance still holds the image's import lock \(os_glance_import_task task-1\)/,
    )
    expect(calls).toEqual(['create', 'import web-download', 'delete'])
    expect(warnings).toEqual([])
  })

  it('lock dropped (Glance 2022.2): glance-direct is tried once, with a warning', async () => {
    const { error, calls, warnings } = await run(false)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^x: web-download failed .*; trying glance-direct$/)
    // The fake source has no body: the second method fails on its download; the first leads.
    expect(error.message).toMatch(
      /^web-download failed: Glance failed the import: .*; then glance-direct: /,
    )
    expect(calls).toEqual(['create', 'import web-download', 'delete'])
  })
})
