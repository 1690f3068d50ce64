// JSON for a terminal, a log or a file: every character beyond printable ASCII
// as a \u escape, so no bidi override or line separator from a definition acts
// on the reader; parsers read back exactly the same values.

/** `JSON.stringify(value, null, 2)` in printable ASCII. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[^\x20-\x7e\n]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
