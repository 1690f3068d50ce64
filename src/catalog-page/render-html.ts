// The catalog table as a static HTML page: no scripts (its Content Security
// Policy allows none), no outside resources, every value escaped.
import { escapeHtml } from '../escape/html.js'
import type { CatalogTable } from './table.js'

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td{overflow-wrap:anywhere}`

const plural = (n: number): string => `${n} image${n === 1 ? '' : 's'}`

export function renderCatalogHtml(table: CatalogTable): string {
  const title = escapeHtml(table.title)
  const row = (tag: 'th' | 'td', cells: readonly string[]): string =>
    `<tr>${cells
      .map((c) =>
        tag === 'th' ? `<th scope="col">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`,
      )
      .join('')}</tr>`
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    `<p>${plural(table.rows.length)}.</p>`,
    '<table>',
    `<thead>\n${row('th', table.columns)}\n</thead>`,
    '<tbody>',
    ...table.rows.map((cells) => row('td', cells)),
    '</tbody>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
