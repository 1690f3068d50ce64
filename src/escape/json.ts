// The one JSON writer for every `--output json`, every JSON the action sets as
// an output and every JSON file we write. A `run:` step that prints it, or a
// log that shows it, reads no workflow command and no acting character in it:
// inside strings every character beyond printable ASCII (controls, CR/LF,
// U+2028/2029, bidi controls) is a \u escape, and so are the pieces of the
// runner's command forms (`::`, `##[`) and `%` (its command value escape).
// Parsers read back exactly the same values.

// A JSON string token: what JSON.stringify writes between quotes.
const STRING = /"(?:[^"\\]|\\.)*"/g
// Escaped wherever they stand in a string: `%`, the `[` of `##[`, the second `:` of `::`.
const ACTING = /[^\x20-\x7e]|%|(?<=##)\[|(?<=:):/g

const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** `value` as JSON (indented by 2, or on one line with `compact`) that no reader acts on. */
export function safeJson(value: unknown, options: { compact?: boolean } = {}): string {
  const text = JSON.stringify(value, null, options.compact ? undefined : 2) ?? 'null'
  return text.replace(STRING, (token) => token.replace(ACTING, unicodeEscape))
}
