// The log sink: nothing a definition holds acts on a terminal or on the Actions runner.
import { describe, expect, it } from 'vitest'
import { escapeLog, escapeLogValue } from '../../../src/escape/log.js'
import { ACTING, LOG_ATTACKS, runnerCommand, TERMINAL_ESCAPES } from './hostile.js'

describe('escapeLog', () => {
  it('writes controls and bidi characters out', () => {
    expect(escapeLog(TERMINAL_ESCAPES)).toBe(
      'Ubuntu\\x1b[2J\\x1b]0;title\\x07\\x1b[8mhidden\\x9b31m\\x0d',
    )
    expect(escapeLog('a \u202eb\u2066c\u2069 \u200f')).toBe('a \\u202eb\\u2066c\\u2069 \\u200f')
  })

  it('a message is one line; in a pre-escaped text no line starts a workflow command', () => {
    expect(escapeLog('one\n::error file=x::two')).toBe('one\\x0a::error file=x::two')
    expect(escapeLog('::error::x')).toBe('\\x3a:error::x')
    expect(escapeLog('one\n::error file=x::two\n  ::warning::three', { preEscaped: true })).toBe(
      'one\n\\x3a:error file=x::two\n  \\x3a:warning::three',
    )
    expect(escapeLog('a ##[error]b')).toBe('a ##\\x5berror]b')
  })

  it.each(LOG_ATTACKS)('%j: no line the runner runs, no acting character', (attack) => {
    for (const text of [escapeLog(attack), escapeLog(`prefix ${attack}`)]) {
      expect(text).not.toMatch(ACTING)
      // JavaScript's line terminators: a superset of the runner's \n and \r.
      for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/))
        expect(runnerCommand(line)).toBe(false)
    }
    // A value inside a line: one line, nothing acting; the reporter's line rules do the rest.
    expect(escapeLogValue(attack)).not.toMatch(ACTING)
    expect(escapeLogValue(attack)).not.toContain('\n')
  })

  it('pre-escaped text keeps its colours but not a command line', () => {
    const coloured = `\x1b[1m${escapeLogValue(TERMINAL_ESCAPES)}\x1b[0m\n::error::x`
    expect(escapeLog(coloured, { preEscaped: true })).toBe(
      '\x1b[1mUbuntu\\x1b[2J\\x1b]0;title\\x07\\x1b[8mhidden\\x9b31m\\x0d\x1b[0m\n\\x3a:error::x',
    )
  })
})
