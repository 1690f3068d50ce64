// Runs a plan's steps and nothing else. At most `concurrency` steps are in
// flight; the imports of one definition run side by side, its other steps in
// order after them, stopping at its first failure. Retention runs last, and
// only when no step of the run failed. A run that changed anything ends by
// reading Glance back (see verify.ts): only what Glance holds counts as done.
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Http } from '../http/client.js'
import { limiter } from '../limiter.js'
import { getErrorMessage } from '../problems.js'
import type { DefinitionPlan, Plan, Step } from '../plan/types.js'
import type { Reporter } from '../reporter.js'
import { changesToPatch } from './patch.js'
import { resolveBaseDir, runImport, type ImportContext } from './import.js'
import { ImportClock } from './wait.js'
import { verify } from './verify.js'
import type { ApplyReport, Outcome } from './outcome.js'

export type { ApplyReport, Outcome } from './outcome.js'

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
  /**
   * The plan anew from a fresh listing of Glance, after the run: what still
   * differs did not take. Without it the run is not read back.
   */
  replan?: () => Promise<Plan>
}

const label = (s: Step): string =>
  s.action === 'rename' ? `rename ${s.image.name} → ${s.to}` : `${s.action} ${s.image.name}`

export async function execute(plan: Plan, options: ExecuteOptions): Promise<ApplyReport> {
  const clock = new ImportClock()
  const rerun = (p: Plan): Promise<Outcome[]> => runPlan(p, options, clock)
  const outcomes = await rerun(plan)
  // Changing nothing needs no reading back.
  if (options.replan && outcomes.some((o) => o.status === 'done')) {
    outcomes.push(...(await verify(outcomes, options.replan, rerun, options.reporter)))
  }
  return { outcomes, failed: outcomes.filter((o) => o.status === 'failed').length }
}

async function runPlan(
  plan: Plan,
  options: ExecuteOptions,
  clock: ImportClock,
): Promise<Outcome[]> {
  const { glance, reporter } = options
  const outcomes: Outcome[] = []
  const slot = limiter(options.concurrency)
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

  /** Renames sent with the finishing write of the import they follow (see runSteps). */
  const withImport = new Map<Step, string>()
  const renamedBy = new Set<Step>()

  async function run(def: DefinitionPlan, step: Step): Promise<void> {
    if (renamedBy.has(step)) return
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
          clock,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.now ? { now: options.now } : {}),
          ...(options.queuedGraceMs !== undefined ? { queuedGraceMs: options.queuedGraceMs } : {}),
          ...(options.upstream ? { upstream: options.upstream } : {}),
        }
        const image = await runImport(ctx, step, withImport.get(step))
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

  /** One step in a slot; its outcome recorded. */
  async function attempt(def: DefinitionPlan, step: Step): Promise<boolean> {
    return slot(async () => {
      try {
        reporter.info(`${def.name}: ${label(step)}`)
        await run(def, step)
        outcomes.push({ definition: def.name, step, status: 'done' })
        return true
      } catch (error) {
        const detail = getErrorMessage(error)
        reporter.warning(`${def.name}: ${label(step)} failed: ${detail}`)
        outcomes.push({ definition: def.name, step, status: 'failed', detail })
        return false
      }
    })
  }

  /**
   * A rename of a build this run imports, right after the imports (nothing has
   * to step aside first), rides on that import's finishing write: one request
   * less, and the build is never seen under its temporary name.
   */
  function mergeRename(stretch: readonly Step[], next: Step | undefined): void {
    if (next?.action !== 'rename' || next.image.id) return
    const imported = stretch.find((s) => s.action === 'import' && s.image.name === next.image.name)
    if (!imported) return
    withImport.set(imported, next.to)
    renamedBy.add(next)
  }

  /** In order, the imports of a stretch side by side; after a failure the rest is skipped. */
  async function runSteps(def: DefinitionPlan, steps: readonly Step[]): Promise<boolean> {
    let i = 0
    while (i < steps.length) {
      let j = i + 1
      if (steps[i]?.action === 'import') {
        while (steps[j]?.action === 'import') j++
        mergeRename(steps.slice(i, j), steps[j])
      }
      const results = await Promise.all(steps.slice(i, j).map((step) => attempt(def, step)))
      i = j
      if (results.includes(false)) {
        for (const rest of steps.slice(i)) {
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
  await Promise.all(active.map((def) => runSteps(def, def.steps)))
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
  return outcomes
}
