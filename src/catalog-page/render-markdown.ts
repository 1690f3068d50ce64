// The catalog table as Markdown, for the job summary or a README.
import { escapeMarkdown } from '../escape/markdown.js'
import type { CatalogTable } from './table.js'

const plural = (n: number): string => `${n} image${n === 1 ? '' : 's'}`

export function renderCatalogMarkdown(table: CatalogTable): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c) => (c === '' ? ' ' : escapeMarkdown(c))).join(' | ')} |`
  return [
    `## ${escapeMarkdown(table.title)}`,
    '',
    `${plural(table.rows.length)}.`,
    '',
    line(table.columns),
    `|${table.columns.map(() => '---').join('|')}|`,
    ...table.rows.map(line),
    '',
  ].join('\n')
}
