// Text from definitions, the cloud or errors, made inert for GitHub Markdown: it
// reads as written and adds no element, link, image, mention or reference.
import { showInvisible } from './invisible.js'

// What Markdown, its GFM extensions (tables, strikethrough, autolinks), GitHub's
// math or HTML act on. As numeric character references they read back literally
// both in Markdown text and inside the HTML blocks of the template.
const ACTIVE = /[\\`*_[\]<>&!|~$:#]/g

// GitHub turns `@name` and `#123` in rendered text into mentions and links, and
// cmark-gfm links `name@host`: a word joiner after the sign stops all three.
const WORD_JOINER = '\u2060'

/** One value for any place in the template: a line, a table cell, `<summary>` or `<code>`. */
export function escapeMarkdown(value: string): string {
  return (
    showInvisible(value)
      .replace(ACTIVE, (c) => `&#${c.charCodeAt(0)};`)
      // `www.` is an autolink even without a scheme.
      .replace(/(www)\./gi, '$1&#46;')
      .replace(/@|&#35;/g, (sign) => sign + WORD_JOINER)
  )
}

/** A value as inline code. */
export const markdownCode = (value: string): string => `<code>${escapeMarkdown(value)}</code>`

/** Lines as a preformatted block: blank lines and fences inside cannot end it. */
export const markdownBlock = (text: string): string =>
  `<pre>${text.split('\n').map(escapeMarkdown).join('\n')}</pre>`

// A url the template may link to: http(s), nothing but unreserved characters,
// percent escapes and the separators of a path, a port and a fragment.
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~%/:#-]+$/

/** `text` linked to `url`; the escaped text alone when the url is not plainly safe. */
export const markdownLink = (text: string, url: string | undefined): string =>
  url !== undefined && SAFE_URL.test(url)
    ? `<a href="${url}">${escapeMarkdown(text)}</a>`
    : escapeMarkdown(text)

/** A path's segments percent-encoded for a url: only unreserved characters stay. */
export const urlPath = (path: string): string =>
  path
    .split('/')
    .map((segment) =>
      [...Buffer.from(segment, 'utf8')]
        .map((b) =>
          /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join(''),
    )
    .join('/')
