import { describe, expect, it } from 'vitest'
import { SecretRegistry } from '../../../src/http/secrets.js'

describe('SecretRegistry', () => {
  it('reports each new secret once and masks it in text', () => {
    const seen: string[] = []
    const secrets = new SecretRegistry((value) => seen.push(value))
    secrets.add('hunter2-password')
    secrets.add('hunter2-password')
    secrets.add('')
    secrets.add(undefined)
    secrets.add('hunter2')
    expect(seen).toEqual(['hunter2-password', 'hunter2'])
    expect(secrets.redact('pw=hunter2-password or hunter2')).toBe('pw=*** or ***')
  })

  it('does not mask very short values in text (they would garble it) but still reports them', () => {
    const seen: string[] = []
    const secrets = new SecretRegistry((value) => seen.push(value))
    secrets.add('abc')
    expect(seen).toEqual(['abc'])
    expect(secrets.redact('abcdef')).toBe('abcdef')
  })
})
