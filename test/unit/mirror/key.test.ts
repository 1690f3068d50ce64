import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mirrorKey, normalizePrefix } from '../../../src/mirror/key.js'

const def = { name: 'Ubuntu 24.04', shortname: 'ubuntu-24.04', format: 'qcow2' as const }

describe('mirrorKey', () => {
  it('is {shortname}/{version}-{shortname}.{format} under the prefix', () => {
    expect(mirrorKey(def, { version: '20240416' })).toBe('ubuntu-24.04/20240416-ubuntu-24.04.qcow2')
    expect(mirrorKey({ ...def, format: 'raw' }, { version: '1.2' }, 'images')).toBe(
      'images/ubuntu-24.04/1.2-ubuntu-24.04.raw',
    )
  })

  it('has no key without a shortname, or with a slash in shortname or version', () => {
    expect(mirrorKey({ name: 'X', format: 'qcow2' }, { version: '1' })).toBeInstanceOf(Error)
    expect(String(mirrorKey({ name: 'X', format: 'qcow2' }, { version: '1' }))).toMatch(
      /X has no shortname/,
    )
    expect(mirrorKey({ ...def, shortname: 'a/b' }, { version: '1' })).toBeInstanceOf(Error)
    expect(mirrorKey(def, { version: '../1' })).toBeInstanceOf(Error)
  })
})

describe('normalizePrefix', () => {
  it('gives empty or exactly one trailing slash and no leading one', () => {
    expect(normalizePrefix(undefined)).toBe('')
    expect(normalizePrefix('')).toBe('')
    expect(normalizePrefix('/')).toBe('')
    expect(normalizePrefix('/a/b//')).toBe('a/b/')
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z/]{0,12}$/), (p) => {
        const n = normalizePrefix(p)
        expect(n === '' || (n.endsWith('/') && !n.endsWith('//') && !n.startsWith('/'))).toBe(true)
        expect(normalizePrefix(n)).toBe(n)
      }),
    )
  })
})
