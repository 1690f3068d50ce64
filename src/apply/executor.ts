// Runs a plan's steps and nothing else. At most `concurrency` steps are in
// flight; the imports of one definition run side by side, its other steps in
// order after them, stopping at its first failure. Retention runs last, and
// only when no step of the run failed. A run that changed anything ends by
// reading Glance back (see verify.ts): only what Glance holds counts as done.
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Http } from '../http/client.js'
import { limiter } from '../limiter.js'
import { getErrorMessage } from '../problems.js'
import type { DefinitionPlan, ImportStep, Plan, Step } from '../plan/types.js'
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
  const run = new PlanRun(options, clock)
  const active = plan.definitions.filter((d) => !d.skipped)
  await Promise.all(active.map((def) => run.runSteps(def, def.steps)))
  // Like the old tool, any failure stops retention: a failed import must never cost an old build.
  const failedBefore = run.outcomes.some((o) => o.status === 'failed')
  for (const def of active) {
    if (def.retention.length === 0) continue
    if (failedBefore) {
      run.skip(def, def.retention, 'no retention after a failure in this run')
      continue
    }
    // Each retention step stands alone: one image in use must not spare the others.
    for (const step of def.retention) await run.runSteps(def, [step])
  }
  return run.outcomes
}

/** One pass over a plan: what its steps share, and their outcomes. */
class PlanRun {
  readonly outcomes: Outcome[] = []
  private readonly slot: <T>(task: () => Promise<T>) => Promise<T>
  private methods: Promise<readonly string[]> | undefined
  /** Ids of images this run created, by definition and import name. */
  private readonly created = new Map<string, string>()
  /** Renames sent with the finishing write of the import they follow (see runSteps). */
  private readonly withImport = new Map<Step, string>()
  private readonly renamedBy = new Set<Step>()

  constructor(
    private readonly options: ExecuteOptions,
    private readonly clock: ImportClock,
  ) {
    this.slot = limiter(options.concurrency)
  }

  /** In order, the imports of a stretch side by side; after a failure the rest is skipped. */
  async runSteps(def: DefinitionPlan, steps: readonly Step[]): Promise<boolean> {
    let i = 0
    while (i < steps.length) {
      let j = i + 1
      if (steps[i]?.action === 'import') {
        while (steps[j]?.action === 'import') j++
        this.mergeRename(steps.slice(i, j), steps[j])
      }
      const results = await Promise.all(steps.slice(i, j).map((step) => this.attempt(def, step)))
      i = j
      if (results.includes(false)) {
        this.skip(def, steps.slice(i), `an earlier step of '${def.name}' failed`)
        return false
      }
    }
    return true
  }

  /** Steps that do not run, recorded as skipped. */
  skip(def: DefinitionPlan, steps: readonly Step[], detail: string): void {
    for (const step of steps) {
      this.outcomes.push({ definition: def.name, step, status: 'skipped', detail })
    }
  }

  /**
   * A rename of a build this run imports, right after the imports (nothing has
   * to step aside first), rides on that import's finishing write: one request
   * less, and the build is never seen under its temporary name.
   */
  private mergeRename(stretch: readonly Step[], next: Step | undefined): void {
    if (next?.action !== 'rename' || next.image.id) return
    const imported = stretch.find((s) => s.action === 'import' && s.image.name === next.image.name)
    if (!imported) return
    this.withImport.set(imported, next.to)
    this.renamedBy.add(next)
  }

  /** One step in a slot; its outcome recorded. */
  private async attempt(def: DefinitionPlan, step: Step): Promise<boolean> {
    const { reporter } = this.options
    return this.slot(async () => {
      try {
        reporter.info(`${def.name}: ${label(step)}`)
        await this.run(def, step)
        this.outcomes.push({ definition: def.name, step, status: 'done' })
        return true
      } catch (error) {
        const detail = getErrorMessage(error)
        reporter.warning(`${def.name}: ${label(step)} failed: ${detail}`)
        this.outcomes.push({ definition: def.name, step, status: 'failed', detail })
        return false
      }
    })
  }

  private async run(def: DefinitionPlan, step: Step): Promise<void> {
    if (this.renamedBy.has(step)) return
    const { glance } = this.options
    switch (step.action) {
      case 'import':
        return this.runImport(def, step)
      case 'rename':
        await glance.patchImage(this.idOf(def, step), [
          { op: 'replace', path: '/name', value: step.to },
        ])
        return
      case 'update':
        await glance.patchImage(this.idOf(def, step), changesToPatch(step.changes))
        return
      case 'hide':
        await glance.patchImage(this.idOf(def, step), [
          { op: 'replace', path: '/visibility', value: 'community' },
        ])
        return
      case 'deactivate':
        await glance.deactivateImage(this.idOf(def, step))
        return
      case 'reactivate':
        await glance.reactivateImage(this.idOf(def, step))
        return
      case 'delete':
        await deleteImage(glance, this.idOf(def, step))
    }
  }

  private async runImport(def: DefinitionPlan, step: ImportStep): Promise<void> {
    const options = this.options
    const { glance, reporter } = options
    // A leftover goes first, unless it carries the fixed id the import must reuse.
    if (step.replaces?.id && step.replaces.id !== step.create.id) {
      await glance.deleteImage(step.replaces.id)
    }
    const ctx: ImportContext = {
      glance,
      methods: await this.importMethods(),
      timeoutMs: options.importTimeoutMs,
      baseDir: resolveBaseDir(def.file),
      reporter,
      clock: this.clock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.queuedGraceMs !== undefined ? { queuedGraceMs: options.queuedGraceMs } : {}),
      ...(options.upstream ? { upstream: options.upstream } : {}),
    }
    const image = await runImport(ctx, step, this.withImport.get(step))
    this.created.set(`${def.name}\0${step.image.name}`, image.id)
  }

  /** Asked only when an import runs: a run with nothing to import makes no request beyond the plan's. */
  private importMethods(): Promise<readonly string[]> {
    return (this.methods ??= this.options.glance.getImportInfo().then((info) => info.methods))
  }

  private idOf(def: DefinitionPlan, step: Step): string {
    const id = step.image.id ?? this.created.get(`${def.name}\0${step.image.name}`)
    if (!id) throw new Error(`no image '${step.image.name}': its import did not run`)
    return id
  }
}

/** Deactivate and hide first: should the delete fail (image in use), nobody boots it anew. */
async function deleteImage(glance: GlanceClient, id: string): Promise<void> {
  const image = await glance.getImage(id)
  if (image.status === 'active') await glance.deactivateImage(id)
  // An empty leftover (queued, uploading, killed) nobody could boot: just delete it.
  const bootable = image.status === 'active' || image.status === 'deactivated'
  if (bootable && image.visibility !== 'community') {
    await glance.patchImage(id, [{ op: 'replace', path: '/visibility', value: 'community' }])
  }
  await glance.deleteImage(id)
}
