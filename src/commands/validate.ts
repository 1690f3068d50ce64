// `validate`: check every definition file and point at each defect.
import { validateCatalog } from '../definitions/validate.js'
import { escapeMarkdown, markdownCode } from '../escape/markdown.js'
import { errorsOf, type Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

export interface ValidateCommandOptions {
  images: string
  strict: boolean
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function summaryTable(problems: readonly Problem[]): string {
  const rows = problems.map(
    (p) =>
      `| ${p.severity} | ${markdownCode(`${p.file}:${p.line}:${p.column}`)} | ${escapeMarkdown(p.message)} |`,
  )
  return ['| | Where | Problem |', '|---|---|---|', ...rows].join('\n')
}

/** Exit code: 0 valid, 1 invalid definitions. */
export async function validateCommand(
  options: ValidateCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const catalog = await validateCatalog({ images: options.images, strict: options.strict })
  const errors = errorsOf(catalog.problems).length
  const warnings = catalog.problems.length - errors
  const versions = catalog.definitions.reduce((n, d) => n + d.versions.length, 0)
  reporter.problems(catalog.problems)
  const counts = `${plural(catalog.files, 'file')}, ${plural(catalog.definitions.length, 'image')}, ${plural(versions, 'version')}`
  const line =
    errors > 0
      ? `✗ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(catalog.files, 'file')}`
      : `✓ valid: ${counts}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`
  reporter.info(line)
  await reporter.summary(
    [
      `### Image definitions: ${line}`,
      catalog.problems.length ? summaryTable(catalog.problems) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  )
  return errors > 0 ? 1 : 0
}
