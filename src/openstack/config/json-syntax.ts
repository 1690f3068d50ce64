// Where a text stops being JSON, as a line and column and what was expected
// there. JSON.parse's own messages quote the text around the error (a clouds
// file's password with it) and, depending on the Node version, give no
// position; this scanner gives the position and never any of the text.

export interface JsonSyntaxError {
  /** 1-based. */
  line: number
  /** 1-based, in characters. */
  column: number
  reason: string
}

type Expect = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'colon' | 'comma-or-close' | 'end'

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/** The end of the string starting at `start` (the index after its closing quote), or a failure. */
function scanString(text: string, start: number): number | { at: number; reason: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20)
      return { at: i, reason: 'a control character (e.g. a line break) inside a string' }
    if (c === 0x5c) {
      const next = text[i + 1]
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5
      else if (next !== undefined && ESCAPES.has(next)) i++
      else return { at: i, reason: 'an invalid escape sequence in a string' }
    }
  }
  return { at: text.length, reason: 'a string that is never closed' }
}

/** The first syntax error of `text`, or undefined when it is JSON. No recursion: nesting depth is unbounded. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = []
  let expect: Expect = 'value'
  let i = 0
  const fail = (at: number, reason: string): JsonSyntaxError => {
    let line = 1
    let lineStart = 0
    for (let j = 0; j < at && j < text.length; j++) {
      if (text[j] === '\n') {
        line++
        lineStart = j + 1
      }
    }
    return { line, column: at - lineStart + 1, reason }
  }
  /** What follows a complete value: more of its container, or the end. */
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end')
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
    if (i >= text.length) {
      return expect === 'end' ? undefined : fail(i, 'the file ends in the middle of the JSON')
    }
    const c = text[i] as string
    const top = stack[stack.length - 1]
    switch (expect) {
      case 'value':
      case 'value-or-]': {
        if (expect === 'value-or-]' && c === ']') {
          stack.pop()
          i++
          expect = afterValue()
        } else if (c === '{' || c === '[') {
          stack.push(c)
          i++
          expect = c === '{' ? 'key-or-}' : 'value-or-]'
        } else if (c === '"') {
          const end = scanString(text, i)
          if (typeof end !== 'number') return fail(end.at, `expected a value: ${end.reason}`)
          i = end
          expect = afterValue()
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i
          if (!NUMBER.test(text)) return fail(i, 'expected a value: an invalid number')
          i = NUMBER.lastIndex
          expect = afterValue()
        } else {
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
          if (literal === undefined) {
            return fail(i, 'expected a value (a quoted string, number, true, false, null, { or [)')
          }
          i += literal.length
          expect = afterValue()
        }
        break
      }
      case 'key':
      case 'key-or-}': {
        if (expect === 'key-or-}' && c === '}') {
          stack.pop()
          i++
          expect = afterValue()
        } else if (c === '"') {
          const end = scanString(text, i)
          if (typeof end !== 'number') return fail(end.at, `expected a key: ${end.reason}`)
          i = end
          expect = 'colon'
        } else return fail(i, 'expected a key in double quotes')
        break
      }
      case 'colon':
        if (c !== ':') return fail(i, "expected ':' after the key")
        i++
        expect = 'value'
        break
      case 'comma-or-close': {
        const close = top === '{' ? '}' : ']'
        if (c === ',') {
          i++
          expect = top === '{' ? 'key' : 'value'
        } else if (c === close) {
          stack.pop()
          i++
          expect = afterValue()
        } else return fail(i, `expected ',' or '${close}'`)
        break
      }
      case 'end':
        return fail(i, 'more text after the end of the JSON document')
    }
  }
}
