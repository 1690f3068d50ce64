// `validate`: check every definition file and point at each defect; with
// `checkUrls`, also whether every url of the (changed) definitions answers.
import type { ChangedLines, UrlCheck } from '../definitions/check-urls.js'
import { loadCatalog } from '../definitions/catalog.js'
import { escapeMarkdown, markdownCode } from '../escape/markdown.js'
import { ConfigError } from '../problems.js'
import { errorsOf, sortProblems, UserError, type Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

export interface UrlCheckOptions {
  /** Only definitions in these files (or on these lines); absent: every definition. */
  changed?: ChangedLines
  sourceCacert?: string
  /** At most this many distinct urls (default DEFAULT_MAX_URLS). */
  maxUrls?: number
  /** All urls together within this time (default DEFAULT_URLS_DEADLINE_SECONDS). */
  deadlineMs?: number
}

export interface ValidateCommandOptions {
  images: string
  strict: boolean
  /** Check that every url and mirror_url answers (off when absent). */
  checkUrls?: UrlCheckOptions
  cwd?: string
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function summaryTable(problems: readonly Problem[]): string {
  const rows = problems.map(
    (p) =>
      `| ${p.severity} | ${markdownCode(`${p.file}:${p.line}:${p.column}`)} | ${escapeMarkdown(p.message)} |`,
  )
  return ['| | Where | Problem |', '|---|---|---|', ...rows].join('\n')
}

function urlLine(check: UrlCheck): string {
  const skipped = check.skipped ? ` (${plural(check.skipped, 'ftp url')} not checked)` : ''
  return `urls: ${plural(check.urls, 'url')} of ${plural(check.definitions, 'definition')} checked${skipped}`
}

/** Exit code: 0 valid, 1 invalid definitions or a dead url. */
export async function validateCommand(
  options: ValidateCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const cwd = options.cwd ?? process.cwd()
  const catalog = await loadCatalog({ images: options.images, strict: options.strict, cwd })
  let problems = catalog.problems
  let urls: UrlCheck | undefined
  if (options.checkUrls) {
    const { changed, ...rest } = options.checkUrls
    // Loaded only when asked for: the HTTP and TLS modules cost every other run start-up time.
    const { checkUrls } = await import('../definitions/check-urls.js')
    try {
      urls = await checkUrls(catalog.definitions, { cwd, ...(changed ? { changed } : {}), ...rest })
    } catch (error) {
      if (error instanceof ConfigError) throw new UserError(error.message, 2)
      throw error
    }
    problems = sortProblems(problems.concat(urls.problems))
  }
  const errors = errorsOf(problems).length
  const warnings = problems.length - errors
  const versions = catalog.definitions.reduce((n, d) => n + d.versions.length, 0)
  reporter.problems(problems)
  const counts = `${plural(catalog.files, 'file')}, ${plural(catalog.definitions.length, 'image')}, ${plural(versions, 'version')}`
  const line =
    errors > 0
      ? `✗ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(catalog.files, 'file')}`
      : `✓ valid: ${counts}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`
  reporter.info(line)
  if (urls) reporter.info(urlLine(urls))
  await reporter.summary(
    [
      `### Image definitions: ${line}`,
      urls ? urlLine(urls) : '',
      problems.length ? summaryTable(problems) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  )
  return errors > 0 ? 1 : 0
}
