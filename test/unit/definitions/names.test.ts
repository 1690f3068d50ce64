import { describe, expect, it } from 'vitest'
import { glanceNames } from '../../../src/definitions/names.js'
import type { Version } from '../../../src/definitions/types.js'

const v = (version: string): Version => ({
  version,
  url: `https://example.test/${version}.img`,
  position: { file: 'x.yml', line: 1, column: 1 },
})
const names = (multi: boolean, versions: string[], separator = ' ') =>
  glanceNames({ name: 'Ubuntu 24.04', separator, multi, versions: versions.map(v) }).map(
    (n) => n.name,
  )

describe('glanceNames (docs/behaviour.md §2)', () => {
  it('multi: the newest build is the plain name, older ones carry (version)', () => {
    expect(names(true, ['20240422', '20240416'])).toEqual([
      'Ubuntu 24.04 (20240416)',
      'Ubuntu 24.04',
    ])
  })

  it('multi: versions are ordered naturally, not as text', () => {
    expect(names(true, ['1.10', '1.9'])).toEqual(['Ubuntu 24.04 (1.9)', 'Ubuntu 24.04'])
  })

  it('multi: latest is always the newest', () => {
    expect(names(true, ['latest', '20991231'])).toEqual(['Ubuntu 24.04 (20991231)', 'Ubuntu 24.04'])
  })

  it('non-multi: every version is its own image with the version appended', () => {
    expect(names(false, ['1.4.0', '1.3.0'])).toEqual(['Ubuntu 24.04 1.3.0', 'Ubuntu 24.04 1.4.0'])
  })

  it('honours the separator', () => {
    expect(names(false, ['1'], '-')).toEqual(['Ubuntu 24.04-1'])
    expect(names(true, ['1', '2'], '_')).toEqual(['Ubuntu 24.04_(1)', 'Ubuntu 24.04'])
  })
})
