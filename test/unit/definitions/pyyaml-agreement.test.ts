// Issue 21, finding 9: YAML that PyYAML's safe_load refuses is refused too,
// with a located error (the README promises PyYAML's reading). Each case is
// asked of PyYAML itself when python3 has it, so the list cannot drift.
import { describe, expect, it } from 'vitest'
import { parseDefinitionFile } from '../../../src/definitions/load.js'
import { pyyamlRefusals } from '../../support/pyyaml.js'

const refused: [string, string, { line: number; column: number }][] = [
  ['indented --- before the document', '  ---\nimages:\n  - name: x\n', { line: 1, column: 3 }],
  ['indented --- after comments', '# c\n\n   --- \nimages: []\n', { line: 3, column: 4 }],
  ['indented ... before the document', '  ...\nimages: []\n', { line: 1, column: 3 }],
  ['indented --- after a directive', '%YAML 1.1\n  ---\nimages: []\n', { line: 2, column: 3 }],
]

const accepted: [string, string][] = [
  ['--- at the start of its line', '---\nimages: []\n'],
  ['--- inside a block scalar', 'images:\n  - name: |\n      ---\n'],
]

describe('YAML that PyYAML refuses is refused, at its line', () => {
  it('PyYAML agrees with the cases (when python3 has PyYAML)', (ctx) => {
    const verdicts = pyyamlRefusals([...refused.map((c) => c[1]), ...accepted.map((c) => c[1])])
    if (!verdicts) return ctx.skip()
    expect(verdicts.slice(0, refused.length).every((v) => v !== null)).toBe(true)
    expect(verdicts.slice(refused.length)).toEqual(accepted.map(() => null))
  })

  it.each(refused)('%s', (_, text, at) => {
    const r = parseDefinitionFile('x.yml', text)
    expect('data' in r).toBe(false)
    expect(r).toMatchObject({
      severity: 'error',
      ...at,
      message: expect.stringMatching(/^YAML: a document marker/),
    })
  })

  it.each(accepted)('%s is read', (_, text) => {
    expect('data' in parseDefinitionFile('x.yml', text)).toBe(true)
  })
})
