// `apply --plan FILE`: reading a plan file written by `plan --out`, and the
// session that runs it only while everything it depends on still holds
// (docs/cli.md, "Saved plans"). A file that is not whole is an error before
// any request; a stale one is refused before any write.
import { readFile } from 'node:fs/promises'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import schema from '../../schemas/plan.schema.json' with { type: 'json' }
import { observeManagedImages } from '../cloud/observe.js'
import type { Definition } from '../definitions/types.js'
import { planDigest } from '../plan/fingerprint.js'
import {
  basisChanges,
  basisDigest,
  canonicalJson,
  definitionsDigest,
  shapedOptions,
} from '../plan/saved.js'
import { PLAN_FORMAT_VERSION, type Plan, type PlanBasis, type PlanShape } from '../plan/types.js'
import { getErrorMessage, UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import {
  connectClients,
  loadValidCatalog,
  replanner,
  type PlanCommandOptions,
  type PlanSession,
} from './plan.js'

/** A plan file as read back: its basis is always there. */
export type SavedPlan = Plan & { basis: PlanBasis }

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void

/** Compiled on first use: only `apply --plan` needs it. */
let validator: ReturnType<Ajv2020['compile']> | undefined
function validatePlanJson(data: unknown): string | undefined {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: false, strict: false })
    addFormats(ajv, ['date-time'])
    validator = ajv.compile(schema)
  }
  if (validator(data)) return undefined
  const error = validator.errors?.[0]
  return `${error?.instancePath || '/'} ${error?.message ?? 'does not match'}`
}

/** JSON.parse's complaint, with the line and column where it stopped. */
function jsonError(text: string, error: unknown): string {
  const message = getErrorMessage(error)
  const at = /at position (\d+)/.exec(message)
  const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : undefined
  if (position === undefined) return message
  const before = text.slice(0, position).split('\n')
  const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ of JSON input$/, ' of the file')} at ${where}`
}

const remake = 'make the plan again with `image-manager plan --out FILE`'

/** The plan file, whole and as `plan` wrote it; a UserError (exit 2) otherwise. */
export async function readSavedPlan(file: string): Promise<SavedPlan> {
  const fail = (why: string): never => {
    throw new UserError(`plan file ${file}: ${why}; nothing was applied`, 2)
  }
  let text = ''
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    fail(`cannot be read: ${getErrorMessage(error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    fail(`is not whole JSON (${jsonError(text, error)}): truncated or edited; ${remake}`)
  }
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion
  if (version !== PLAN_FORMAT_VERSION) {
    fail(
      `has formatVersion ${String(version)}, this version reads ${PLAN_FORMAT_VERSION}; ${remake}`,
    )
  }
  const invalid = validatePlanJson(data)
  if (invalid) fail(`does not match schemas/plan.schema.json: ${invalid}; ${remake}`)
  const plan = data as Plan
  if (!plan.basis) fail(`records no basis (what the plan depends on); ${remake}`)
  const basis = plan.basis as PlanBasis
  if (planDigest(plan) !== basis.planDigest) {
    fail(`its steps were edited after plan wrote them (basis.planDigest does not match); ${remake}`)
  }
  if (basisDigest(basis) !== basis.digest) {
    fail(`its basis was edited after plan wrote it (basis.digest does not match); ${remake}`)
  }
  return plan as SavedPlan
}

/** Plan-shaping options given on the command line (not at their defaults). */
export interface GivenShape extends Partial<PlanShape> {
  cloud?: string
}

/**
 * apply --plan runs the plan as it was made: a plan-shaping option given on the
 * command line must say what the file says. Exit 2 otherwise.
 */
export function checkGivenOptions(plan: SavedPlan, given: GivenShape): void {
  const recorded: Record<string, unknown> = { ...plan.basis.options, cloud: plan.cloud }
  const differ = Object.entries(given).filter(
    ([key, value]) => canonicalJson(value) !== canonicalJson(recorded[key]),
  )
  if (differ.length === 0) return
  const list = differ
    .map(
      ([key, value]) =>
        `${key} ${canonicalJson(value)} (the plan: ${canonicalJson(recorded[key]) ?? 'unset'})`,
    )
    .join(', ')
  throw new UserError(
    `apply --plan runs the plan with the options it was made with, and these differ: ${list}. Drop them, or make a new plan with them; nothing was applied`,
    2,
  )
}

/** The definitions the plan was made from: its digest, and the same names and files in order. */
function sameDefinitions(plan: SavedPlan, definitions: readonly Definition[]): boolean {
  const names = (list: { name: string; file: string }[]): string => canonicalJson(list)
  return (
    definitionsDigest(definitions) === plan.basis.definitionsDigest &&
    names(plan.definitions.map((d) => ({ name: d.name, file: d.file }))) ===
      names(definitions.map((d) => ({ name: d.name, file: d.position.file })))
  )
}

/**
 * The session of a saved plan: the definitions must be those it was made from,
 * and one listing of the cloud must show every image it relies on as it saw
 * them. Refused (exit 1, each change named) before any write otherwise.
 */
export async function openSavedPlanSession(
  plan: SavedPlan,
  options: PlanCommandOptions,
  reporter: Reporter,
): Promise<PlanSession> {
  const definitions = await loadValidCatalog(options, reporter)
  if (!definitions) return { exitCode: 1 }
  if (!sameDefinitions(plan, definitions)) {
    reporter.warning(
      `The definitions in ${options.images} are not those the saved plan was made from: refused, nothing was applied. Apply with the definitions of the plan, or make a new plan.`,
    )
    return { exitCode: 1 }
  }
  const cloudOptions = plan.cloud !== undefined ? { ...options, cloud: plan.cloud } : options
  const clients = await connectClients(cloudOptions, reporter)
  const images = await observeManagedImages(clients.glance, plan.basis.options.tag)
  const changes = basisChanges(plan, plan.basis, definitions, images)
  if (changes.length > 0) {
    for (const change of changes) reporter.warning(change)
    reporter.warning(
      `The cloud changed since the saved plan (${changes.length} change(s) above): refused, nothing was applied. Make a new plan.`,
    )
    return { exitCode: 1 }
  }
  const replan = replanner(definitions, clients, shapedOptions(plan, plan.basis))
  return { exitCode: 0, plan, ...clients, replan }
}
