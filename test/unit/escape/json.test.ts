// Issue 21, finding 2: the one JSON writer. Whatever a definition, a tenant or
// an upstream puts in a value, the JSON reads back the same, is printable
// ASCII, and no line of it is a workflow command for the Actions runner (its
// two forms: `::` after leading white space, `##[` anywhere; see runnerCommand).
import { describe, expect, it } from 'vitest'
import { bumpOutputs } from '../../../src/action/outputs.js'
import { safeJson } from '../../../src/escape/json.js'
import { LOG_ATTACKS, MARKDOWN_ATTACKS, runnerCommand } from './hostile.js'

const VALUES = [
  ...LOG_ATTACKS,
  ...MARKDOWN_ATTACKS,
  '::add-mask::x',
  ':::',
  '##[error]x ##[[',
  '%0A%0D%25 %',
  'a\u2028::error::b\u2029##[warning]c',
  '\u202e\u2066bidi\u2069\u202c \u061c \u200e\u200f \ufeff',
  '\ud83d\ude00 \ud800 lone',
  'quote " backslash \\ slash /',
]

const lines = (text: string): string[] => text.split(/\r\n|\r|\n|\u2028|\u2029/)

describe('safeJson', () => {
  for (const compact of [false, true]) {
    it(`${compact ? 'compact' : 'indented'}: same values, printable ASCII, no runner command`, () => {
      const value = { list: VALUES, byKey: Object.fromEntries(VALUES.map((v) => [v, v])) }
      const text = safeJson(value, { compact })
      expect(JSON.parse(text)).toEqual(value)
      expect(text).toMatch(/^[\x20-\x7e\n]*$/)
      expect(lines(text).filter(runnerCommand)).toEqual([])
      expect(text).not.toMatch(/::|##\[|%/)
    })
  }

  it('every value alone, also as a line of its own', () => {
    for (const v of VALUES) {
      const text = safeJson(v)
      expect(JSON.parse(text), v).toBe(v)
      expect(runnerCommand(text), v).toBe(false)
    }
  })

  it('the action output pull-requests (JSON of bump results) is the same', () => {
    const results = VALUES.map((v) => ({
      file: v,
      image: v,
      branch: v,
      operation: 'failed' as const,
      error: v,
    }))
    const outputs = bumpOutputs({ statuses: [], results, problems: [] })
    for (const [name, value] of Object.entries(outputs)) {
      expect(lines(value ?? '').filter(runnerCommand), name).toEqual([])
      expect(value, name).toMatch(/^[\x20-\x7e]*$/)
    }
    expect(JSON.parse(outputs['pull-requests'] as string)).toEqual(results)
  })
})
