// GitHub's own Markdown parser (Debian package cmark-gfm), as GitHub renders
// comments: the GFM extensions on, raw HTML kept (GitHub sanitises it after).
import { execFileSync } from 'node:child_process'

const ARGS = [
  '--unsafe',
  '--extension',
  'table',
  '--extension',
  'autolink',
  '--extension',
  'strikethrough',
  '--extension',
  'tagfilter',
]

export function renderGfm(markdown: string): string {
  return execFileSync('cmark-gfm', ARGS, { input: markdown, encoding: 'utf8' })
}

/** Every tag in `html`, with its attributes, in order. */
export const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? []

/** The text a reader sees: tags dropped, character references decoded (once). */
export function textOf(html: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' }
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(quot|lt|gt|amp));/gi, (_, d, h, n) =>
      n ? (named[n as string] as string) : String.fromCodePoint(d ? Number(d) : parseInt(h, 16)),
    )
}
