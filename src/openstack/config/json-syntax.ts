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
function scanString(text: string, start: number): number | Failure {
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

/** Where the scan is: the open containers, the index and what may come next. */
interface Scan {
  text: string
  stack: ('{' | '[')[]
  i: number
  expect: Expect
}

interface Failure {
  at: number
  reason: string
}

/** The first syntax error of `text`, or undefined when it is JSON. No recursion: nesting depth is unbounded. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scan: Scan = { text, stack: [], i: 0, expect: 'value' }
  for (;;) {
    while (scan.i < text.length && ' \t\n\r'.includes(text[scan.i] as string)) scan.i++
    if (scan.i >= text.length) {
      return scan.expect === 'end'
        ? undefined
        : positioned(text, { at: scan.i, reason: 'the file ends in the middle of the JSON' })
    }
    const failure = step(scan, text[scan.i] as string)
    if (failure !== undefined) return positioned(text, failure)
  }
}

/** Reads the token starting with `c`, or says why it does not fit. */
function step(scan: Scan, c: string): Failure | undefined {
  switch (scan.expect) {
    case 'value':
    case 'value-or-]':
      return valueStep(scan, c)
    case 'key':
    case 'key-or-}':
      return keyStep(scan, c)
    case 'colon':
      if (c !== ':') return { at: scan.i, reason: "expected ':' after the key" }
      scan.i++
      scan.expect = 'value'
      return undefined
    case 'comma-or-close':
      return commaOrCloseStep(scan, c)
    case 'end':
      return { at: scan.i, reason: 'more text after the end of the JSON document' }
  }
}

function valueStep(scan: Scan, c: string): Failure | undefined {
  const { text, i } = scan
  if (scan.expect === 'value-or-]' && c === ']') {
    scan.stack.pop()
    scan.i++
  } else if (c === '{' || c === '[') {
    scan.stack.push(c)
    scan.i++
    scan.expect = c === '{' ? 'key-or-}' : 'value-or-]'
    return undefined
  } else if (c === '"') {
    const end = scanString(text, i)
    if (typeof end !== 'number') return { at: end.at, reason: `expected a value: ${end.reason}` }
    scan.i = end
  } else if (c === '-' || (c >= '0' && c <= '9')) {
    NUMBER.lastIndex = i
    if (!NUMBER.test(text)) return { at: i, reason: 'expected a value: an invalid number' }
    scan.i = NUMBER.lastIndex
  } else {
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
    if (literal === undefined) {
      return {
        at: i,
        reason: 'expected a value (a quoted string, number, true, false, null, { or [)',
      }
    }
    scan.i += literal.length
  }
  scan.expect = afterValue(scan)
  return undefined
}

function keyStep(scan: Scan, c: string): Failure | undefined {
  if (scan.expect === 'key-or-}' && c === '}') {
    scan.stack.pop()
    scan.i++
    scan.expect = afterValue(scan)
  } else if (c === '"') {
    const end = scanString(scan.text, scan.i)
    if (typeof end !== 'number') return { at: end.at, reason: `expected a key: ${end.reason}` }
    scan.i = end
    scan.expect = 'colon'
  } else return { at: scan.i, reason: 'expected a key in double quotes' }
  return undefined
}

function commaOrCloseStep(scan: Scan, c: string): Failure | undefined {
  const top = scan.stack[scan.stack.length - 1]
  const close = top === '{' ? '}' : ']'
  if (c === ',') {
    scan.i++
    scan.expect = top === '{' ? 'key' : 'value'
  } else if (c === close) {
    scan.stack.pop()
    scan.i++
    scan.expect = afterValue(scan)
  } else return { at: scan.i, reason: `expected ',' or '${close}'` }
  return undefined
}

/** What follows a complete value: more of its container, or the end. */
function afterValue(scan: Scan): Expect {
  return scan.stack.length > 0 ? 'comma-or-close' : 'end'
}

/** The failure with its 1-based line and column. */
function positioned(text: string, { at, reason }: Failure): JsonSyntaxError {
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
