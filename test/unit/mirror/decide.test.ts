import { describe, expect, it } from 'vitest'
import { decideUpload } from '../../../src/mirror/decide.js'

const sum = `sha256:${'a'.repeat(64)}`
const other = `sha256:${'b'.repeat(64)}`

describe('decideUpload', () => {
  it('uploads what is not there', () => {
    expect(decideUpload(null, sum)).toEqual({ action: 'upload', reason: 'not mirrored yet' })
  })
  it('skips an object with the same checksum, whatever its case', () => {
    expect(
      decideUpload({ checksum: sum.toUpperCase().replace('SHA256', 'sha256') }, sum).action,
    ).toBe('skip')
  })
  it('uploads again over another build or an object without checksum metadata', () => {
    expect(decideUpload({ checksum: other }, sum)).toEqual({
      action: 'upload',
      reason: `the object holds another build (${other})`,
    })
    expect(decideUpload({ size: 10 }, sum).action).toBe('upload')
    expect(decideUpload({ checksum: '' }, undefined).action).toBe('upload')
  })
  it('without an expected checksum, trusts one the mirror recorded', () => {
    expect(decideUpload({ checksum: other }, undefined).action).toBe('skip')
  })
})
