// Runs a plan's steps and nothing else. Definitions run in parallel (bounded);
// the steps of one definition in order, stopping at its first failure.
// Retention runs last, and only when no import of the run failed (SPEC 6).
import type { GlanceClient } from '../openstack/glance.js'
import type { Http } from '../openstack/http.js'
import { getErrorMessage } from '../problems.js'
import type { DefinitionPlan, Plan, Step } from '../plan/types.js'
import type { Reporter } from '../reporter.js'
import { changesToPatch } from './patch.js'
import { resolveBaseDir, runImport, type ImportContext } from './import.js'

export interface ExecuteOptions {
  glance: GlanceClient
  reporter: Reporter
  concurrency: number
  importTimeoutMs: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  queuedGraceMs?: number
  /** The client for image sources (createUpstreamHttp); never the cloud's. */
  upstream?: Http
}

export interface Outcome {
  definition: string
  step: Step
  status: 'done' | 'failed' | 'skipped'
  /** Why it failed or was skipped. */
  detail?: string
}

export interface ApplyReport {
  outcomes: Outcome[]
  failed: number
}

const label = (s: Step): string =>
  s.action === 'rename' ? `rename ${s.image.name} → ${s.to}` : `${s.action} ${s.image.name}`

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T)
  })
  await Promise.all(runners)
}

export async function execute(plan: Plan, options: ExecuteOptions): Promise<ApplyReport> {
  const { glance, reporter } = options
  const outcomes: Outcome[] = []
  // Asked only when an import runs: a run with nothing to import makes no request beyond the plan's.
  let methods: Promise<readonly string[]> | undefined
  const importMethods = (): Promise<readonly string[]> =>
    (methods ??= glance.getImportInfo().then((info) => info.methods))
  /** Ids of images this run created, by definition and import name. */
  const created = new Map<string, string>()
  const idOf = (def: DefinitionPlan, step: Step): string => {
    const id = step.image.id ?? created.get(`${def.name}\0${step.image.name}`)
    if (!id) throw new Error(`no image '${step.image.name}': its import did not run`)
    return id
  }

  async function run(def: DefinitionPlan, step: Step): Promise<void> {
    switch (step.action) {
      case 'import': {
        // A leftover goes first, unless it carries the fixed id the import must reuse.
        if (step.replaces?.id && step.replaces.id !== step.create.id) {
          await glance.deleteImage(step.replaces.id)
        }
        const ctx: ImportContext = {
          glance,
          methods: await importMethods(),
          timeoutMs: options.importTimeoutMs,
          baseDir: resolveBaseDir(def.file),
          reporter,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.now ? { now: options.now } : {}),
          ...(options.queuedGraceMs !== undefined ? { queuedGraceMs: options.queuedGraceMs } : {}),
          ...(options.upstream ? { upstream: options.upstream } : {}),
        }
        const image = await runImport(ctx, step)
        created.set(`${def.name}\0${step.image.name}`, image.id)
        return
      }
      case 'rename':
        await glance.patchImage(idOf(def, step), [{ op: 'replace', path: '/name', value: step.to }])
        return
      case 'update':
        await glance.patchImage(idOf(def, step), changesToPatch(step.changes))
        return
      case 'hide':
        await glance.patchImage(idOf(def, step), [
          { op: 'replace', path: '/visibility', value: 'community' },
        ])
        return
      case 'deactivate':
        await glance.deactivateImage(idOf(def, step))
        return
      case 'reactivate':
        await glance.reactivateImage(idOf(def, step))
        return
      case 'delete': {
        // Deactivate and hide first: should the delete fail (image in use), nobody boots it anew.
        const id = idOf(def, step)
        const image = await glance.getImage(id)
        if (image.status === 'active') await glance.deactivateImage(id)
        // An empty leftover (queued, uploading, killed) nobody could boot: just delete it.
        const bootable = image.status === 'active' || image.status === 'deactivated'
        if (bootable && image.visibility !== 'community') {
          await glance.patchImage(id, [{ op: 'replace', path: '/visibility', value: 'community' }])
        }
        await glance.deleteImage(id)
      }
    }
  }

  async function runSteps(def: DefinitionPlan, steps: readonly Step[]): Promise<boolean> {
    for (const [i, step] of steps.entries()) {
      try {
        reporter.info(`${def.name}: ${label(step)}`)
        await run(def, step)
        outcomes.push({ definition: def.name, step, status: 'done' })
      } catch (error) {
        const detail = getErrorMessage(error)
        reporter.warning(`${def.name}: ${label(step)} failed: ${detail}`)
        outcomes.push({ definition: def.name, step, status: 'failed', detail })
        for (const rest of steps.slice(i + 1)) {
          outcomes.push({
            definition: def.name,
            step: rest,
            status: 'skipped',
            detail: `an earlier step of '${def.name}' failed`,
          })
        }
        return false
      }
    }
    return true
  }

  const active = plan.definitions.filter((d) => !d.skipped)
  await pool(active, options.concurrency, async (def) => {
    await runSteps(def, def.steps)
  })
  // Like the old tool, any failure stops retention: a failed import must never cost an old build.
  const failedBefore = outcomes.some((o) => o.status === 'failed')
  for (const def of active) {
    if (def.retention.length === 0) continue
    if (failedBefore) {
      for (const step of def.retention) {
        outcomes.push({
          definition: def.name,
          step,
          status: 'skipped',
          detail: 'no retention after a failure in this run',
        })
      }
      continue
    }
    // Each retention step stands alone: one image in use must not spare the others.
    for (const step of def.retention) await runSteps(def, [step])
  }
  return { outcomes, failed: outcomes.filter((o) => o.status === 'failed').length }
}
