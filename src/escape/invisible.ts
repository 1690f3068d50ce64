// Characters that act on a terminal, a log viewer or a page instead of being read
// (controls, bidi overrides, line separators): shown as `\xNN` / `\uNNNN` escapes.

// C0 but tab, DEL, C1, Arabic letter mark, LRM/RLM, U+2028/2029,
// bidi embeddings, overrides and isolates, and the byte order mark.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const hex = (c: string, width: number): string =>
  (c.codePointAt(0) as number).toString(16).padStart(width, '0')

/** `text` on one line, with every invisible or acting character written out. */
export const showInvisible = (text: string): string =>
  text.replace(INVISIBLE, (c) => (c <= '\u00ff' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`))
