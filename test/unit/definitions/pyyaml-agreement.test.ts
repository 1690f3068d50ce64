// YAML that PyYAML's safe_load refuses is refused too,
// with a located error (the README promises PyYAML's reading). Each case is
// asked of PyYAML itself when python3 has it, so the list cannot drift.
import { describe, expect, it } from 'vitest'
import { parseDefinitionFile } from '../../../src/definitions/load.js'
import { pyyamlRefusals } from '../../support/pyyaml.js'

const MARKER = /^YAML: a document marker/
const TAB = /^YAML: a tab here/
const FLOW_QUESTION = /^YAML: a '\?' in an unquoted value inside/

const refused: [string, string, { line: number; column: number }, RegExp][] = [
  [
    'indented --- before the document',
    '  ---\nimages:\n  - name: x\n',
    { line: 1, column: 3 },
    MARKER,
  ],
  ['indented --- after comments', '# c\n\n   --- \nimages: []\n', { line: 3, column: 4 }, MARKER],
  ['indented ... before the document', '  ...\nimages: []\n', { line: 1, column: 3 }, MARKER],
  [
    'indented --- after a directive',
    '%YAML 1.1\n  ---\nimages: []\n',
    { line: 2, column: 3 },
    MARKER,
  ],
  ['a tab after a colon', 'images:\n  - name:\tx\n', { line: 2, column: 10 }, TAB],
  ['a tab before a value', 'a: \tb\n', { line: 1, column: 4 }, TAB],
  ['a tab inside a plain value', 'a: b c\td\n', { line: 1, column: 7 }, TAB],
  ['a tab at the end of a line', 'a: 1\t\n', { line: 1, column: 5 }, TAB],
  [
    'an escape character in a comment',
    '# \x1b[2J\na: b\n',
    { line: 1, column: 3 },
    /U\+001b is not allowed/,
  ],
  ['a NUL in a quoted value', "a: 'b\x00'\n", { line: 1, column: 6 }, /U\+0000 is not allowed/],
  ['a date that does not exist', 'a: 2024-02-30\n', { line: 1, column: 4 }, /not a real date/],
  [
    'a time that does not exist',
    'a: 2024-01-01 24:00:00\n',
    { line: 1, column: 4 },
    /not a real date/,
  ],
  [
    'a key of 1025 characters',
    `a:\n  ${'k'.repeat(1025)}: v\n`,
    { line: 2, column: 3 },
    /more than 1024/,
  ],
  ['!!merge on a value', 'a: !!merge b\n', { line: 1, column: 4 }, /!!merge belongs to a << key/],
  [
    'a mapping entry without its key',
    'a:\n  b: 1\n  : x\n',
    { line: 3, column: 3 },
    /entry without its key/,
  ],
  ['a flow entry without its key', 'a: {b: 1, : 2}\n', { line: 1, column: 11 }, /without its key/],
  ['a ? inside a flow key', 'a: {b: 1, hw_f? x: 2}\n', { line: 1, column: 15 }, FLOW_QUESTION],
  ['a ? ending a flow value', 'a: [b, c?]\n', { line: 1, column: 9 }, FLOW_QUESTION],
  ['a ? after a space in a flow value', 'a: [x ?y]\n', { line: 1, column: 7 }, FLOW_QUESTION],
]

const accepted: [string, string][] = [
  ['--- at the start of its line', '---\nimages: []\n'],
  ['--- inside a block scalar', 'images:\n  - name: |\n      ---\n'],
  [
    'tabs in quoted text, block text and comments',
    'a: \'b\tc\'\nd: "e\tf"\ng: |\n  h\ti\n# j\tk\nl: m # n\to\n',
  ],
  ['a real date and a leap day', 'a: 2024-02-29\nb: 2024-12-31 23:59:59\n'],
  ['a date-like text with one-digit month', 'a: 2024-2-30\n'],
  ['a key of 1024 characters', `a:\n  ${'k'.repeat(1024)}: v\n`],
  ['!!merge on a << key', 'x: &x {a: 1}\ny:\n  !!merge <<: *x\n'],
  ['an empty key after an explicit ?', 'a:\n  ? \n  : x\n'],
  ['a ? in block or quoted flow values', 'a: b?c\nd: {e: "f?", g: \'h?\'}\n'],
  ['an explicit ? key in a flow mapping', 'a: {? b : 1}\n'],
]

describe('YAML that PyYAML refuses is refused, at its line', () => {
  it('PyYAML agrees with the cases (when python3 has PyYAML)', (ctx) => {
    const verdicts = pyyamlRefusals([...refused.map((c) => c[1]), ...accepted.map((c) => c[1])])
    if (!verdicts) return ctx.skip()
    expect(verdicts.slice(0, refused.length).every((v) => v !== null)).toBe(true)
    expect(verdicts.slice(refused.length)).toEqual(accepted.map(() => null))
  })

  it.each(refused)('%s', (_, text, at, message) => {
    const r = parseDefinitionFile('x.yml', text)
    expect('data' in r).toBe(false)
    expect(r).toMatchObject({ severity: 'error', ...at, message: expect.stringMatching(message) })
  })

  it.each(accepted)('%s is read', (_, text) => {
    expect('data' in parseDefinitionFile('x.yml', text)).toBe(true)
  })
})
