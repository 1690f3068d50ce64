// Options of plan and apply, from CLI flags or action inputs of the same names.
import { getErrorMessage, UserError } from '../problems.js'
import type { ApplyCommandOptions } from './apply.js'
import type { PlanCommandOptions } from './plan.js'

/** Parsed flags or inputs: strings and booleans by option name. */
export type Values = Record<string, string | boolean | undefined>

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
  if (value === undefined) return undefined
  try {
    new RegExp(value)
  } catch (error) {
    throw new UserError(
      `--filter '${value}' is not a valid regular expression: ${getErrorMessage(error)}`,
    )
  }
  return value
}

/** CLI flags or action inputs (same names) -> the typed options of plan and apply. */
export function planCommandOptions(v: Values): PlanCommandOptions {
  const filter = checkRegex(v.filter as string | undefined)
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
    hide: v.hide === true,
    deactivate: v.deactivate === true,
    delete: v.delete === true,
    confirmDelete: v['yes-i-really-know-what-i-do'] === true,
    keep: v.keep === true,
    ...(v['check-age'] ? { maxAgeDays: positiveInteger('max-age', v['max-age'] as string) } : {}),
    ...(v.out ? { out: v.out as string } : {}),
    detailedExitCode: v['detailed-exitcode'] === true,
  }
}

/** Plan options plus the ones only apply has. */
export function applyCommandOptions(v: Values): ApplyCommandOptions {
  return {
    ...planCommandOptions(v),
    dryRun: v['dry-run'] === true,
    concurrency: positiveInteger('concurrency', v.concurrency as string, 'a whole number', 1),
    importTimeout: positiveInteger(
      'import-timeout',
      v['import-timeout'] as string,
      'a whole number of seconds',
      1,
    ),
  }
}
