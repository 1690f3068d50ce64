// Shared by the apply integration tests: reporters, options, catalogs on disk,
// and plain HTTP to Keystone and Glance (not our client) to arrange and read
// the end state.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { dump, load } from 'js-yaml'
import { execute, type ApplyReport, type ExecuteOptions } from '../../../src/apply/executor.js'
import type { ApplyCommandOptions } from '../../../src/commands/apply.js'
import { openPlanSession } from '../../../src/commands/plan.js'
import type { Plan, Step } from '../../../src/plan/types.js'
import type { Reporter } from '../../../src/reporter.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import { userProperties, type RawGlance, type RawImage } from '../../support/raw-glance.js'

export {
  rawGlance,
  userProperties,
  type RawGlance,
  type RawImage,
} from '../../support/raw-glance.js'

export const run = promisify(execFile)

/** A reporter that keeps every line, for assertions and for failure messages. */
export interface RecordingReporter extends Reporter {
  lines: string[]
  warnings: string[]
  summaries: string[]
}

export function recorder(): RecordingReporter {
  const lines: string[] = []
  const warnings: string[] = []
  const summaries: string[] = []
  return {
    lines,
    warnings,
    summaries,
    info: (m) => void lines.push(m),
    warning: (m) => {
      lines.push(`warning: ${m}`)
      warnings.push(m)
    },
    debug() {},
    problems: (ps) => {
      for (const p of ps) lines.push(`${p.severity}: ${p.file}:${p.line}: ${p.message}`)
    },
    summary: async (md) => void summaries.push(md),
    secret() {},
  }
}

/** A unique managed tag per test file: tests never see each other's images. */
export const uniqueTag = (name: string): string =>
  `apply-${name}-${process.pid}-${Date.now().toString(36)}`

/** apply's options with nothing enabled beyond what `extra` says. */
export function applyOptions(
  tag: string,
  images: string,
  extra: Partial<ApplyCommandOptions> = {},
): ApplyCommandOptions {
  return {
    images,
    strict: false,
    cloud: 'local-admin',
    cloudsYaml: readFileSync(localCloudsYamlPath(), 'utf8'),
    tag,
    force: false,
    latest: false,
    useOsHidden: false,
    hide: false,
    deactivate: false,
    delete: false,
    confirmDelete: false,
    keep: false,
    detailedExitCode: false,
    dryRun: false,
    concurrency: 4,
    importTimeoutSeconds: 120,
    ...extra,
  }
}

/** The local cloud's clouds.yaml, with Glance reached through `endpoint` (a fault proxy). */
export function cloudsYamlVia(endpoint: string): string {
  const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
    clouds: Record<string, Record<string, unknown>>
  }
  for (const cloud of Object.values(clouds.clouds)) cloud.image_endpoint_override = endpoint
  return dump(clouds)
}

export interface Workdir {
  dir: string
  /** Writes `images:` to a catalog file and returns its path. */
  catalog(name: string, images: unknown[]): Promise<string>
  close(): Promise<void>
}

export async function workdir(): Promise<Workdir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'apply-it-'))
  return {
    dir,
    async catalog(name, images) {
      const file = path.join(dir, name)
      await writeFile(file, dump({ images }, { lineWidth: -1 }))
      return file
    },
    close: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Image JSON as Glance returns it. */
/** sha256 of a file, as a definition writes it. */
export async function sha256Of(file: string): Promise<string> {
  const { stdout } = await run('sha256sum', [file])
  return `sha256:${stdout.split(/\s+/)[0]}`
}

/** Waits until no image with `tag` is in one of `statuses` (Glance still working on it). */
export async function settle(
  glance: RawGlance,
  tag: string,
  statuses: readonly string[] = ['importing', 'saving'],
  timeoutMs = 60_000,
): Promise<RawImage[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const images = await glance.listByTag(tag)
    if (!images.some((i) => statuses.includes(i.status)) || Date.now() > deadline) return images
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** What the tests compare of an image: docs/behaviour.md §3's fields, tags sorted, our properties only. */
export interface ImageShape {
  name: string
  status: string
  visibility: string
  min_disk: number
  min_ram: number
  os_hidden: boolean
  container_format: unknown
  disk_format: unknown
  tags: string[]
  properties: Record<string, unknown>
}

export function shape(image: RawImage): ImageShape {
  return {
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    min_disk: image.min_disk,
    min_ram: image.min_ram,
    os_hidden: image.os_hidden,
    container_format: image.container_format,
    disk_format: image.disk_format,
    tags: [...image.tags].sort(),
    properties: userProperties(image),
  }
}

/** Shapes of every image with `tag`, sorted by name (duplicates stay visible). */
export async function shapes(glance: RawGlance, tag: string): Promise<ImageShape[]> {
  return (await glance.listByTag(tag)).map(shape).sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The executor polls an import at 0.25, 0.5, 1, 2, 4, 5 s...; the local Glance
 * imports a tiny image in about a second. Polling at most every 0.3 s keeps the
 * tests short; deadlines still use the real clock.
 */
export const quickPolls = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(ms, 300)))

/** openPlanSession, then execute exactly that plan (what applyCommand does, minus the rendering). */
export async function planAndExecute(
  options: ApplyCommandOptions,
  reporter: Reporter,
  extra: Partial<ExecuteOptions> = {},
): Promise<{ plan: Plan; report: ApplyReport }> {
  const outcome = await openPlanSession(options, reporter)
  if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
  const report = await execute(outcome.plan, {
    glance: outcome.glance,
    reporter,
    concurrency: options.concurrency,
    importTimeoutMs: options.importTimeoutSeconds * 1000,
    sleep: quickPolls,
    replan: outcome.replan,
    ...extra,
  })
  return { plan: outcome.plan, report }
}

/** Only the plan (nothing executed). */
export async function planOnly(options: ApplyCommandOptions): Promise<Plan> {
  const outcome = await openPlanSession(options, recorder())
  if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
  return outcome.plan
}

/** A step as one line: `import X`, `rename X -> Y`, `hide X`. */
export const label = (s: Step): string =>
  s.action === 'rename' ? `rename ${s.image.name} -> ${s.to}` : `${s.action} ${s.image.name}`

/** Every step of a plan as a line, retention last, grouped by definition. */
export const planLines = (plan: Plan): string[] =>
  plan.definitions.flatMap((d) => [...d.steps, ...d.retention].map(label))

/** Outcomes as lines: `done import X`, `skipped hide Y`. */
export const outcomeLines = (report: ApplyReport): string[] =>
  report.outcomes.map((o) => `${o.status} ${label(o.step)}`)

/** The few fields that tell builds apart: name, id, visibility, status, version. */
export interface Brief {
  name: string
  id: string
  visibility: string
  status: string
  version: unknown
}

export async function briefs(glance: RawGlance, tag: string): Promise<Brief[]> {
  return (await glance.listByTag(tag))
    .map((i) => ({
      name: i.name,
      id: i.id,
      visibility: i.visibility,
      status: i.status,
      version: i.internal_version,
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
