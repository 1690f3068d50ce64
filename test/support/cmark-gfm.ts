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

/** The text a reader sees: tags dropped, character references decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
