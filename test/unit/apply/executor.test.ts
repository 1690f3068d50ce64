import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { execute, type ExecuteOptions } from '../../../src/apply/executor.js'
import type { Definition } from '../../../src/definitions/types.js'
import { plan } from '../../../src/plan/plan.js'
import type { Plan } from '../../../src/plan/types.js'
import type { Reporter } from '../../../src/reporter.js'
import { lockingGlance, type LockingGlance } from '../../support/locking-glance.js'
import { definition, version } from '../../support/definitions.js'
import { options } from '../plan/fixtures.js'

let dir: string
const quiet: Reporter = {
  info() {},
  warning() {},
  debug() {},
  problems() {},
  summary: async () => {},
  secret() {},
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'executor-'))
  // A qcow2 header: the import checks the declared format against the bytes.
  const disk = Buffer.alloc(4096)
  disk.write('QFI\xfb', 'latin1')
  await writeFile(path.join(dir, 'disk.img'), disk)
})

/** A multi definition with two builds, and a non-multi one, read from `file:` sources. */
function catalog(): Definition[] {
  const at = { file: path.join(dir, 'images.yml'), line: 1, column: 1 }
  const v = (n: string) => version(n, { url: 'file:disk.img', position: at })
  return [
    definition({ position: at, versions: [v('20240416'), v('20240422')] }),
    definition({ name: 'Flatcar', multi: false, position: at, versions: [v('3815.2.0')] }),
  ]
}

const planOf = (glance: LockingGlance): Plan =>
  plan(catalog(), [...glance.images.values()] as never, options())

function run(glance: LockingGlance, extra: Partial<ExecuteOptions> = {}) {
  let t = 0
  return execute(planOf(glance), {
    glance: glance.client,
    reporter: quiet,
    concurrency: 4,
    importTimeoutMs: 60_000,
    sleep: async (ms) => void (t += ms),
    now: () => t,
    ...extra,
  })
}

describe('execute: finalising an import', () => {
  it('writes only after the import task let go, so no write is undone', async () => {
    // Long enough under the lock that a patch sent at `active` would be undone.
    const glance = lockingGlance({ pollsToActive: 2, pollsLocked: 3 })
    const report = await run(glance)
    expect(report.failed).toBe(0)
    expect(glance.patchesWhileLocked).toBe(0)
    const names = [...glance.images.values()].map((i) => `${i.name} ${i.visibility}`).sort()
    expect(names).toEqual([
      'Flatcar 3815.2.0 public',
      'Ubuntu 24.04 (20240416) public',
      'Ubuntu 24.04 public',
    ])
    expect(planOf(glance).summary).toMatchObject({ import: 0, rename: 0, update: 0 })
  })

  it('sends the rename of a fresh newest build with its finishing write', async () => {
    const glance = lockingGlance()
    const report = await run(glance)
    expect(report.outcomes.map((o) => `${o.status} ${o.step.action}`)).toContain('done rename')
    // Three imports, three finishing writes, no separate rename.
    expect(glance.calls.filter((c) => c.startsWith('patch'))).toHaveLength(3)
    expect([...glance.images.values()].map((i) => i.name).sort()).toEqual([
      'Flatcar 3815.2.0',
      'Ubuntu 24.04',
      'Ubuntu 24.04 (20240416)',
    ])
  })

  it('imports the versions of one definition side by side', async () => {
    const glance = lockingGlance()
    await run(glance, { concurrency: 8 })
    const creates = glance.calls.flatMap((c, i) => (c === 'create' ? [i] : []))
    const firstPatch = glance.calls.findIndex((c) => c.startsWith('patch'))
    expect(creates).toHaveLength(3)
    expect(Math.max(...creates)).toBeLessThan(firstPatch)
  })
})

describe('execute: reading back', () => {
  it('does not read back a run that changed nothing', async () => {
    const glance = lockingGlance()
    await run(glance)
    const replan = vi.fn(async () => planOf(glance))
    const report = await run(glance, { replan })
    expect(report.outcomes).toEqual([])
    expect(replan).not.toHaveBeenCalled()
  })

  it('runs a step again whose write Glance dropped, and reports it as run again', async () => {
    let dropped = 0
    const glance = lockingGlance({
      // The first rename of the run answers 200 and changes nothing.
      dropPatches: (_, ops) => ops.some((o) => o.path === '/name') && dropped++ === 0,
    })
    const replan = vi.fn(async () => planOf(glance))
    const report = await run(glance, { replan })
    expect(dropped).toBeGreaterThan(0)
    expect(report.failed).toBe(0)
    expect(replan).toHaveBeenCalledTimes(2)
    // The rename rode on the import's finishing write, so that whole write was lost.
    const again = report.outcomes.filter((o) => o.detail?.includes('did not take'))
    expect(again.map((o) => o.step.action)).toEqual(['rename', 'update'])
    expect(planOf(glance).summary.rename).toBe(0)
  })

  it('reports what still differs after the second try as failed, with the difference', async () => {
    const glance = lockingGlance({
      dropPatches: (_, ops) => ops.some((o) => o.path === '/visibility'),
    })
    const report = await run(glance, { replan: async () => planOf(glance) })
    const failed = report.outcomes.filter((o) => o.status === 'failed')
    expect(failed.length).toBeGreaterThan(0)
    expect(report.failed).toBe(failed.length)
    for (const f of failed) {
      expect(f.detail).toMatch(
        /^reported done, but Glance still differs: update .*visibility: "?private"? → "?public"?/,
      )
    }
  })
})
