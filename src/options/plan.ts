// Values -> the typed options of plan and apply (CLI flags or action inputs of the same names).
import { checkMetaValues } from '../definitions/schema-check.js'
import type { Meta, Rotated, VerifyMode } from '../definitions/types.js'
import { UserError } from '../problems.js'
import { filterRegex } from '../filter.js'
import type { ApplyCommandOptions } from '../commands/apply.js'
import type { PlanCommandOptions } from '../commands/plan.js'
import type { GivenShape } from '../commands/saved-plan.js'
import { planOptions } from './groups.js'
import type { Values } from './table.js'

function positiveInteger(
  name: string,
  value: string,
  what = 'a whole number of days',
  min = 0,
): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new UserError(
      `--${name} must be ${what}${min ? ` of at least ${min}` : ''}, not '${value}'`,
    )
  }
  return n
}

function checkRegex(value: string | undefined): string | undefined {
  filterRegex(value)
  return value
}

/**
 * --rotated-meta KEY=VALUE (repeated on the command line, one per line as an
 * action input): each value as text, else as true/false or a number, whichever
 * the key's rules in the definition format accept.
 */
export function rotatedMeta(value: string | string[] | boolean | undefined): Meta {
  const entries = (
    Array.isArray(value) ? value : typeof value === 'string' ? value.split('\n') : []
  )
    .map((e) => e.trim())
    .filter((e) => e !== '')
  const meta: Meta = {}
  for (const entry of entries) {
    const m = /^([^=\s]+)=(.*)$/.exec(entry)
    if (!m) {
      throw new UserError(`--rotated-meta '${entry}' must be KEY=VALUE, e.g. os_purpose=oldgeneric`)
    }
    const [, key, text] = m as unknown as [string, string, string]
    const typed = /^(true|false)$/.test(text)
      ? text === 'true'
      : /^-?\d+(\.\d+)?$/.test(text)
        ? Number(text)
        : undefined
    const candidates = typed === undefined ? [text] : [text, typed]
    const fits = candidates.find((c) => checkMetaValues({ [key]: c }).length === 0)
    if (fits === undefined) {
      const why = checkMetaValues({ [key]: typed ?? text })[0] ?? 'is invalid'
      throw new UserError(`--rotated-meta ${entry}: ${why}`)
    }
    meta[key] = fits
  }
  return meta
}

/** The catalog-wide rotation settings; none unless one of the options is given. */
export function rotatedDefaults(v: Values): Rotated | undefined {
  const meta = rotatedMeta(v['rotated-meta'])
  const hidden = v['rotated-hidden'] === true
  if (Object.keys(meta).length === 0 && !hidden) return undefined
  return { meta, ...(hidden ? { hidden } : {}) }
}

function verifyMode(value: unknown): VerifyMode {
  const text = typeof value === 'string' ? value.trim() : 'auto'
  if (text === 'auto' || text === 'stream' || text === 'none') return text
  throw new UserError(`--verify must be auto, stream or none, not '${text}'`)
}

/** CLI flags or action inputs (same names) -> the typed options of plan and apply. */
export function planCommandOptions(v: Values): PlanCommandOptions {
  const filter = checkRegex(v.filter as string | undefined)
  const rotated = rotatedDefaults(v)
  return {
    images: v.images as string,
    strict: v.strict === true,
    ...(v.cloud ? { cloud: v.cloud as string } : {}),
    ...(v['source-cacert'] ? { sourceCacert: v['source-cacert'] as string } : {}),
    tag: v.tag as string,
    ...(filter ? { filter } : {}),
    force: v.force === true,
    latest: v.latest === true,
    useOsHidden: v['use-os-hidden'] === true,
    ...(rotated ? { rotated } : {}),
    hide: v.hide === true,
    deactivate: v.deactivate === true,
    delete: v.delete === true,
    confirmDelete: v['yes-i-really-know-what-i-do'] === true,
    keep: v.keep === true,
    verify: verifyMode(v.verify),
    ...(v['check-age'] ? { maxAgeDays: positiveInteger('max-age', v['max-age'] as string) } : {}),
    ...(v.out ? { out: v.out as string } : {}),
    detailedExitCode: v['detailed-exitcode'] === true,
  }
}

/**
 * The plan-shaping options given other than at their defaults: `apply --plan`
 * refuses those that differ from the plan file's (an option at its default
 * takes the file's value).
 */
function givenShape(v: Values, o: PlanCommandOptions): GivenShape {
  const flags = ['force', 'latest', 'useOsHidden', 'hide', 'deactivate', 'delete', 'keep'] as const
  const given: GivenShape = {}
  for (const key of flags) if (o[key]) given[key] = true
  if (o.confirmDelete) given.confirmDelete = true
  if (v.tag !== planOptions.tag.default) given.tag = o.tag
  if (o.cloud !== undefined) given.cloud = o.cloud
  if (o.filter !== undefined) given.filter = o.filter
  if (o.maxAgeDays !== undefined) given.maxAgeDays = o.maxAgeDays
  if (o.rotated) given.rotated = o.rotated
  if (o.verify !== undefined && o.verify !== 'auto') given.verify = o.verify
  return given
}

/** Plan options plus the ones only apply has. */
export function applyCommandOptions(v: Values): ApplyCommandOptions {
  const plan = planCommandOptions(v)
  return {
    ...plan,
    ...(v.plan ? { planFile: v.plan as string, givenShape: givenShape(v, plan) } : {}),
    dryRun: v['dry-run'] === true,
    concurrency: positiveInteger('concurrency', v.concurrency as string, 'a whole number', 1),
    importTimeoutSeconds: positiveInteger(
      'import-timeout',
      v['import-timeout'] as string,
      'a whole number of seconds',
      1,
    ),
  }
}
