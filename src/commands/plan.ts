// `plan`: what apply would change in one cloud, as data and as text.
import { writeFile } from 'node:fs/promises'
import { problemsTo, requireValidCatalog } from '../definitions/catalog.js'
import { changeCount } from '../plan/describe.js'
import { plan as computePlan, type PlanOptions } from '../plan/plan.js'
import { renderMarkdown } from '../plan/render-markdown.js'
import { renderTerminal } from '../plan/render-terminal.js'
import { recordBasis } from '../plan/saved.js'
import type { Plan } from '../plan/types.js'
import type { Definition } from '../definitions/types.js'
import { ConfigError, UserError } from '../problems.js'
import { safeJson } from '../escape/json.js'
import type { Reporter } from '../reporter.js'
import { resolveLatest } from '../upstream/latest.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Http } from '../http/client.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import { connect, type CloudOptions } from '../cloud/connect.js'
import { observeManagedImages } from '../cloud/observe.js'
import { resolveMirrors } from '../mirror/fallback.js'
import { withScsFindings } from '../scs/after-plan.js'

export interface PlanCommandOptions
  extends CloudOptions, Omit<PlanOptions, 'now' | 'cloud' | 'latestInfo' | 'latestErrors'> {
  images: string
  strict: boolean
  /** PEM CA bundle trusted for image sources besides the system CAs. */
  sourceCacert?: string
  /** Write the plan as JSON to this file. */
  out?: string
  /** Exit 3 instead of 0 when the plan has changes (for scripts). */
  detailedExitCode: boolean
  /** Colour in the terminal rendering. */
  color?: boolean
}

export const EXIT_CHANGES = 3

export type PlanSession =
  | { exitCode: 1 }
  | {
      exitCode: 0
      plan: Plan
      glance: GlanceClient
      /** The client for image sources: never the cloud's. */
      upstream: Http
      /** The same plan from a fresh listing (same definitions, upstreams and clock). */
      replan: () => Promise<Plan>
    }

/** The client for image sources: the system CAs plus --source-cacert, never the cloud's TLS settings. */
async function upstreamClient(options: PlanCommandOptions, glance: GlanceClient): Promise<Http> {
  try {
    return await createUpstreamHttp({
      ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
      // Masks the cloud's secrets should any reach a message about a source.
      secrets: glance.session.http.secrets,
    })
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, 2)
    throw error
  }
}

/** The catalog, valid; undefined (its problems reported) when it is not. */
export async function loadValidCatalog(
  options: PlanCommandOptions,
  reporter: Reporter,
): Promise<readonly Definition[] | undefined> {
  const catalog = await requireValidCatalog(
    { images: options.images, strict: options.strict },
    {
      report: problemsTo(reporter),
      stop: (errors) =>
        reporter.info(`✗ ${errors} error(s) in the image definitions: nothing planned`),
    },
  )
  return catalog?.definitions
}

/** The cloud's client and the one for image sources. */
export async function connectClients(
  options: PlanCommandOptions,
  reporter: Reporter,
): Promise<{ glance: GlanceClient; upstream: Http }> {
  const glance = await connect(options, reporter)
  return { glance, upstream: await upstreamClient(options, glance) }
}

/** The plan from a fresh listing (same definitions, upstreams, options and clock). */
export function replanner(
  definitions: readonly Definition[],
  clients: { glance: GlanceClient; upstream: Http },
  planOptions: PlanOptions,
): () => Promise<Plan> {
  return async () => {
    const observed = await observeManagedImages(clients.glance, planOptions.tag)
    const again = withScsFindings(computePlan(definitions, observed, planOptions), observed)
    await resolveMirrors(again, clients.upstream)
    return again
  }
}

type Settled<T> = { value: T } | { error: unknown }

/** `work`'s outcome as a value: it never rejects, so no rejection goes unhandled while it waits. */
const settle = <T>(work: Promise<T>): Promise<Settled<T>> =>
  work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

const valueOf = <T>(settled: Settled<T>): T => {
  if ('error' in settled) throw settled.error
  return settled.value
}

/**
 * Validate, observe, plan. The token and the listing (reads only) overlap
 * loading and validating the definitions; invalid definitions still stop
 * here, before anything is planned or written, whatever the cloud answered.
 */
export async function openPlanSession(
  options: PlanCommandOptions,
  reporter: Reporter,
): Promise<PlanSession> {
  const connected = settle(connectClients(options, reporter))
  const listed = connected.then((c) =>
    'error' in c ? c : settle(observeManagedImages(c.value.glance, options.tag)),
  )
  const definitions = await loadValidCatalog(options, reporter)
  if (!definitions) return { exitCode: 1 }
  const { glance, upstream } = valueOf(await connected)
  const [resolved, images] = await Promise.all([
    resolveLatest(definitions, upstream),
    listed.then(valueOf),
  ])
  for (const [name, error] of resolved.errors)
    reporter.warning(`${name}: latest upstream unreadable: ${error}`)
  const planOptions = {
    ...options,
    now: new Date(),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    latestInfo: resolved.latest,
    latestErrors: resolved.errors,
  }
  const plan = withScsFindings(computePlan(definitions, images, planOptions), images)
  plan.requests = glance.counter.snapshot()
  for (const warning of await resolveMirrors(plan, upstream)) reporter.warning(warning)
  // After the mirrors are resolved: they choose the sources the steps name.
  plan.basis = recordBasis(plan, definitions, images, planOptions)
  const replan = replanner(definitions, { glance, upstream }, planOptions)
  return { exitCode: 0, plan, glance, upstream, replan }
}

/** The plan as data (schemas/plan.schema.json). */
export const writePlanJson = (file: string, plan: Plan): Promise<void> =>
  writeFile(file, `${safeJson(plan)}\n`)

/** `publish` receives the plan (the action posts it to the pull request). */
export async function planCommand(
  options: PlanCommandOptions,
  reporter: Reporter,
  publish?: (plan: Plan) => Promise<void>,
): Promise<number> {
  const outcome = await openPlanSession(options, reporter)
  if (outcome.exitCode !== 0) return outcome.exitCode
  const { plan } = outcome
  reporter.info(renderTerminal(plan, options.color ?? false), { preEscaped: true })
  await reporter.summary(renderMarkdown(plan))
  if (options.out) await writePlanJson(options.out, plan)
  await publish?.(plan)
  return options.detailedExitCode && changeCount(plan) > 0 ? EXIT_CHANGES : 0
}
