import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonSyntaxError } from '../../../../src/openstack/config/json-syntax.js'

const parses = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('jsonSyntaxError', () => {
  it('points at the first error by line and column, with a reason', () => {
    expect(jsonSyntaxError('{"clouds": {"c": {"password": hunter2}}}')).toEqual({
      line: 1,
      column: 31,
      reason: 'expected a value (a quoted string, number, true, false, null, { or [)',
    })
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": 2,\n}')).toMatchObject({ line: 4, column: 1 })
    expect(jsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 })
    expect(jsonSyntaxError('[1, 2')).toMatchObject({
      line: 1,
      column: 6,
      reason: 'the file ends in the middle of the JSON',
    })
    expect(jsonSyntaxError('{} {}')?.reason).toBe('more text after the end of the JSON document')
    expect(jsonSyntaxError('{"a" 1}')?.reason).toBe("expected ':' after the key")
    expect(jsonSyntaxError('"\\x"')?.reason).toBe(
      'expected a value: an invalid escape sequence in a string',
    )
    expect(jsonSyntaxError('[01]')?.reason).toBe("expected ',' or ']'")
  })

  it('takes deep nesting without recursion', () => {
    expect(jsonSyntaxError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined()
    expect(jsonSyntaxError('['.repeat(200_000))?.column).toBe(200_001)
  })

  it('agrees with JSON.parse on JSON and on mutations of it', () => {
    const text = fc.oneof(
      fc.json(),
      fc
        .tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }))
        .map(([json, at, insert, drop]) => {
          const i = at % (json.length + 1)
          return json.slice(0, i) + insert + json.slice(i + drop)
        }),
    )
    fc.assert(
      fc.property(text, (candidate) => {
        expect(jsonSyntaxError(candidate) === undefined).toBe(parses(candidate))
      }),
      { numRuns: 3000, seed: 9 },
    )
  })
})
