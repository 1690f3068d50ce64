import { describe, expect, it } from 'vitest'
import { naturalCompare, naturalSort } from '../../src/natural-sort.js'

describe('naturalSort', () => {
  it.each([
    [
      ['20240422', '20240416'],
      ['20240416', '20240422'],
    ],
    [
      ['1.10', '1.9', '1.2'],
      ['1.2', '1.9', '1.10'],
    ],
    [
      ['10', '9', '100'],
      ['9', '10', '100'],
    ],
    [
      ['9.4', '9.10', '9.3'],
      ['9.3', '9.4', '9.10'],
    ],
    [
      ['20240703-1797', '20240703-999', '20240702'],
      ['20240702', '20240703-999', '20240703-1797'],
    ],
    [
      ['b', 'a10', 'a9'],
      ['a9', 'a10', 'b'],
    ],
    [
      ['3815.2.0', '3510.2.8'],
      ['3510.2.8', '3815.2.0'],
    ],
  ])('%j sorts to %j', (input, expected) => {
    expect(naturalSort(input)).toEqual(expected)
  })

  it('compares digit runs longer than a safe integer exactly', () => {
    expect(naturalCompare('123456789012345678901', '123456789012345678902')).toBeLessThan(0)
  })

  it('treats leading zeros as the same number and equal strings as equal', () => {
    expect(naturalCompare('1.05', '1.5')).toBe(0)
    expect(naturalCompare('abc', 'abc')).toBe(0)
  })
})
