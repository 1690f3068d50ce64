// Where check's findings point for the action's annotations: at the definition
// that gives the offending image its name, and nowhere for images it does not define.
import { describe, expect, it } from 'vitest'
import { definitionPositions, findingProblems } from '../../../src/commands/check.js'
import type { RuleResult } from '../../../src/scs/rules.js'
import { definition } from '../../support/definitions.js'

const HERE = { file: 'etc/images/ubuntu.yml', line: 2, column: 5 }
const THERE = { file: 'etc/images/debian.yml', line: 9, column: 5 }

const result = (names: string[]): RuleResult => ({
  id: 'scs-0102-os_purpose-uniqueness',
  title: 'one generic image',
  offenders: names.map((name) => ({ name, id: `id-${name}`, why: 'both generic' })),
  warnings: [],
})

describe('check: findings on definitions', () => {
  const positions = definitionPositions([
    definition({ position: HERE }),
    definition({ name: 'Debian 12', multi: false, position: THERE }),
    definition({ name: 'Disabled', enable: false }),
  ])

  it('knows every build name an enabled definition gives, not a disabled one', () => {
    expect([...positions.keys()].sort()).toEqual(
      [
        'Debian 12 20240416',
        'Debian 12 20240422',
        'Ubuntu 24.04',
        'Ubuntu 24.04 (20240416)',
      ].sort(),
    )
  })

  it('one warning per offending image the catalog defines, none for the others', () => {
    const problems = findingProblems(
      [result(['Ubuntu 24.04', 'Ubuntu 24.04 (20240416)', 'Somebody else']), result([])],
      positions,
    )
    expect(problems).toEqual([
      {
        severity: 'warning',
        ...HERE,
        message: "scs-0102-os_purpose-uniqueness: 'Ubuntu 24.04' both generic",
      },
      {
        severity: 'warning',
        ...HERE,
        message: "scs-0102-os_purpose-uniqueness: 'Ubuntu 24.04 (20240416)' both generic",
      },
    ])
    expect(findingProblems([result(['Somebody else'])], positions)).toEqual([])
  })
})
