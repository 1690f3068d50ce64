// Values -> the typed options of validate, list, share, check, lifecycle and catalog
// (plan and apply in plan.ts, the S3 commands in bucket.ts).
import path from 'node:path'
import type { CatalogCommandOptions } from '../commands/catalog.js'
import type { CheckCommandOptions, CheckOutput } from '../commands/check.js'
import type { LifecycleCommandOptions } from '../commands/lifecycle.js'
import type { ListCommandOptions } from '../commands/list.js'
import type { ShareCommandOptions } from '../commands/share.js'
import type { ValidateCommandOptions } from '../commands/validate.js'
import type { ChangedLines } from '../definitions/check-urls.js'
import { DEFAULT_MAX_URLS, DEFAULT_URLS_DEADLINE_SECONDS } from '../definitions/url-limits.js'
import { checkEolUrl, DEFAULT_EOL_URL } from '../lifecycle/endoflife.js'
import { UserError } from '../problems.js'
import { rotatedDefaults } from './plan.js'
import { oneOf, type Values } from './table.js'

/** `--changed a.yml,b.yml --changed c.yml` -> every definition of those files. */
export function changedFiles(values: readonly string[], cwd = process.cwd()): ChangedLines {
  const files = values.flatMap((v) => v.split(',')).map((f) => f.trim())
  if (files.some((f) => f === '')) {
    throw new UserError('--changed needs file names, e.g. --changed etc/images/ubuntu.yml')
  }
  return new Map(files.map((f) => [path.resolve(cwd, f), 'all' as const]))
}

/** A whole number of at least 1 from a flag or input; absent: `fallback`. */
function wholeNumber(name: string, value: Values[string], fallback: number): number {
  if (value === undefined || value === '') return fallback
  const text = String(value)
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UserError(`--${name} must be a whole number of at least 1, not '${text}'`)
  return n
}

/**
 * The options of `validate` from CLI flags or action inputs (the same names):
 * `check-urls`, `changed` (CLI), `source-cacert`, `check-urls-max` and `check-urls-deadline`.
 */
export function validateCommandOptions(v: Values, cwd = process.cwd()): ValidateCommandOptions {
  const changed = v.changed === undefined ? [] : ([] as string[]).concat(v.changed as string[])
  if (changed.length > 0 && v['check-urls'] !== true) {
    throw new UserError('--changed restricts --check-urls: give --check-urls too')
  }
  const sourceCacert = typeof v['source-cacert'] === 'string' ? v['source-cacert'] : undefined
  return {
    images: v.images as string,
    strict: v.strict === true,
    ...(v['check-urls'] === true
      ? {
          checkUrls: {
            ...(changed.length > 0 ? { changed: changedFiles(changed, cwd) } : {}),
            ...(sourceCacert ? { sourceCacert } : {}),
            maxUrls: wholeNumber('check-urls-max', v['check-urls-max'], DEFAULT_MAX_URLS),
            deadlineMs:
              1000 *
              wholeNumber(
                'check-urls-deadline',
                v['check-urls-deadline'],
                DEFAULT_URLS_DEADLINE_SECONDS,
              ),
          },
        }
      : {}),
  }
}

/** CLI flags or action inputs -> options; a wrong value is a usage error. */
export function lifecycleCommandOptions(v: Values): LifecycleCommandOptions {
  const output = oneOf('output', v.output ?? 'markdown', ['markdown', 'json'])
  return {
    images: v.images as string,
    strict: v.strict === true,
    output,
    eolUrl: checkEolUrl((v['eol-url'] as string | undefined) ?? DEFAULT_EOL_URL),
  }
}

export function checkCommandOptions(v: Values): CheckCommandOptions {
  const rotated = rotatedDefaults(v)
  return {
    strict: v.strict === true,
    output: oneOf<CheckOutput>('output', v.output, ['text', 'json', 'markdown']),
    ...(v['scs-0104-v2'] === true ? { scs0104v2: true } : {}),
    ...(v.images ? { images: v.images as string } : {}),
    ...(v.tag ? { tag: v.tag as string } : {}),
    ...(v.cloud ? { cloud: v.cloud as string } : {}),
    ...(rotated ? { rotated } : {}),
  }
}

export const listCommandOptions = (v: Values): ListCommandOptions => ({
  tag: v.tag as string,
  ...(v.cloud ? { cloud: v.cloud as string } : {}),
})

export function shareCommandOptions(v: Values): ShareCommandOptions {
  if (!v.image) throw new UserError('share needs --image NAME')
  if (!v.project === !v['all-projects']) {
    throw new UserError('share needs exactly one of --project P or --all-projects')
  }
  return {
    image: v.image as string,
    ...(v.project ? { project: v.project as string } : {}),
    domain: v.domain as string,
    action: v.remove ? 'del' : 'add',
    dryRun: v['dry-run'] === true,
    ...(v.cloud ? { cloud: v.cloud as string } : {}),
  }
}

export const catalogCommandOptions = (v: Values): CatalogCommandOptions => ({
  images: v.images as string,
  strict: v.strict === true,
  withCloud: Boolean(v.cloud),
  tag: v.tag as string,
  ...(v.cloud ? { cloud: v.cloud as string } : {}),
  ...(v.html ? { html: v.html as string } : {}),
  ...(v.markdown ? { markdown: v.markdown as string } : {}),
  ...(v['eol-url'] ? { eolUrl: checkEolUrl(v['eol-url'] as string) } : {}),
})
