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
import { makePlan } from '../../../src/commands/plan.js'
import type { Plan, Step } from '../../../src/plan/types.js'
import type { Reporter } from '../../../src/reporter.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'

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
    importTimeout: 120,
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
export type RawImage = Record<string, unknown> & {
  id: string
  name: string
  status: string
  visibility: string
  tags: string[]
  min_disk: number
  min_ram: number
  size: number | null
  os_hidden: boolean
}

/** Keys of the image JSON that Glance sets or owns: everything else is a property we wrote. */
const GLANCE_KEYS = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'os_hidden',
  'disk_format',
  'container_format',
  'min_disk',
  'min_ram',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'owner',
  'tags',
  'created_at',
  'updated_at',
  'stores',
  'self',
  'file',
  'schema',
  'direct_url',
  'locations',
])

/** The properties of an image that are not Glance's own (`os_glance_*` are Glance's). */
export function userProperties(image: RawImage): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(image).filter(([k]) => !GLANCE_KEYS.has(k) && !k.startsWith('os_glance_')),
  )
}

interface Auth {
  auth_url: string
  username: string
  password: string
  project_name: string
}

export interface RawGlance {
  url: string
  projectId: string
  call(method: string, path: string, json?: unknown, contentType?: string): Promise<unknown>
  /** Every image with `tag`: all visibilities, hidden and not. */
  listByTag(tag: string): Promise<RawImage[]>
  /** Every image (all visibilities, hidden and not) whose name is one of `names`. */
  listByNames(names: readonly string[]): Promise<RawImage[]>
  get(id: string): Promise<RawImage>
  patch(id: string, ops: unknown[]): Promise<RawImage>
  /** Deletes images with `tag`, deactivated and protected ones too. */
  purge(tag: string): Promise<void>
}

/** Plain HTTP to Keystone and Glance, as curl would do it. */
export async function rawGlance(cloud = 'local-admin'): Promise<RawGlance> {
  const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
    clouds: Record<string, { auth: Auth }>
  }
  const auth = clouds.clouds[cloud]?.auth as Auth
  const response = await fetch(`${auth.auth_url.replace(/\/$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: auth.username, domain: { id: 'default' }, password: auth.password },
          },
        },
        scope: { project: { name: auth.project_name, domain: { id: 'default' } } },
      },
    }),
  })
  if (response.status !== 201) throw new Error(`Keystone answered ${response.status}`)
  const token = response.headers.get('x-subject-token') as string
  const body = (await response.json()) as {
    token: {
      project: { id: string }
      catalog: { type: string; endpoints: { interface: string; url: string }[] }[]
    }
  }
  const url = (
    body.token.catalog
      .find((s) => s.type === 'image')
      ?.endpoints.find((e) => e.interface === 'public')?.url as string
  ).replace(/\/$/, '')

  async function call(
    method: string,
    path: string,
    json?: unknown,
    contentType = 'application/json',
  ): Promise<unknown> {
    const headers: Record<string, string> = { 'X-Auth-Token': token }
    if (json !== undefined) headers['Content-Type'] = contentType
    const r = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
    const text = await r.text()
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : undefined
  }

  async function list(query: string): Promise<RawImage[]> {
    const out: RawImage[] = []
    for (const hidden of ['false', 'true']) {
      let next: string | undefined =
        `/v2/images?${query}&visibility=all&os_hidden=${hidden}&limit=200`
      while (next) {
        const page = (await call('GET', next)) as { images: RawImage[]; next?: string }
        out.push(...page.images)
        next = page.images.length && page.next ? page.next : undefined
      }
    }
    return out
  }

  const glance: RawGlance = {
    url,
    projectId: body.token.project.id,
    call,
    listByTag: (tag) => list(`tag=${encodeURIComponent(tag)}`),
    async listByNames(names) {
      const out: RawImage[] = []
      for (const name of new Set(names))
        out.push(...(await list(`name=${encodeURIComponent(name)}`)))
      return out
    },
    get: (id) => call('GET', `/v2/images/${id}`) as Promise<RawImage>,
    patch: (id, ops) =>
      call(
        'PATCH',
        `/v2/images/${id}`,
        ops,
        'application/openstack-images-v2.1-json-patch',
      ) as Promise<RawImage>,
    async purge(tag) {
      // Imports still running finish (or fail) before their image can go for good.
      for (let round = 0; round < 5; round++) {
        const images = await glance.listByTag(tag)
        if (images.length === 0) return
        for (let i = 0; i < images.length; i += 8) {
          await Promise.all(
            images.slice(i, i + 8).map(async (image) => {
              if (image.protected === true)
                await glance.patch(image.id, [{ op: 'replace', path: '/protected', value: false }])
              await call('DELETE', `/v2/images/${image.id}`).catch(() => undefined)
            }),
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    },
  }
  return glance
}

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

/** What the tests compare of an image: SPEC 3's fields, tags sorted, our properties only. */
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

/** makePlan, then execute exactly that plan (what applyCommand does, minus the rendering). */
export async function planAndExecute(
  options: ApplyCommandOptions,
  reporter: Reporter,
  extra: Partial<ExecuteOptions> = {},
): Promise<{ plan: Plan; report: ApplyReport }> {
  const outcome = await makePlan(options, reporter)
  if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
  const report = await execute(outcome.plan, {
    glance: outcome.glance,
    reporter,
    concurrency: options.concurrency,
    importTimeoutMs: options.importTimeout * 1000,
    sleep: quickPolls,
    ...extra,
  })
  return { plan: outcome.plan, report }
}

/** Only the plan (nothing executed). */
export async function planOnly(options: ApplyCommandOptions): Promise<Plan> {
  const outcome = await makePlan(options, recorder())
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
