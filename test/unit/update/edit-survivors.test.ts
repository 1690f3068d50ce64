// Edge cases of the catalog splice editor: each pins a guard or an offset the
// everyday catalog shapes in edit.test.ts and edit-bytes.test.ts never reach.
import { describe, expect, it } from 'vitest'
import { EditError, editFirstVersion } from '../../../src/update/edit.js'

const doc = (entry: string, rest = ''): string =>
  `images:\n  - name: A\n    versions:\n${entry}${rest}`

describe('editFirstVersion, edge cases', () => {
  it('an empty file is refused as a file without an images mapping', () => {
    expect(() => editFirstVersion('', 0, { version: '2' })).toThrow(EditError)
    expect(() => editFirstVersion('', 0, { version: '2' })).toThrow(/without an `images:` mapping/)
  })

  it('replaces a folded url when a later entry has a folded url too', () => {
    const src = doc(
      `      - version: '2'\n        url: >-\n          https://x/2.img\n`,
      `      - version: '1'\n        url: >-\n          https://x/1.img\n`,
    )
    expect(editFirstVersion(src, 0, { url: 'https://x/3.img' })).toBe(
      doc(
        `      - version: '2'\n        url: https://x/3.img\n`,
        `      - version: '1'\n        url: >-\n          https://x/1.img\n`,
      ),
    )
  })

  it('replaces a block url whose header comment holds | or >', () => {
    for (const style of ['>-', '|', '>']) {
      const src = doc(
        `      - version: '2'\n        url: ${style} # mirror|backup>old\n          https://x/2.img\n`,
      )
      expect(editFirstVersion(src, 0, { url: 'https://x/3.img' })).toBe(
        doc(`      - version: '2'\n        url: https://x/3.img\n`),
      )
    }
  })

  it('refuses to remove a key written as an explicit `? key` pair, even a one-letter key', () => {
    for (const key of ['mirror_url', 'm']) {
      const src = doc(`      - version: '1'\n        ? ${key}\n        : https://m/1.img\n`)
      expect(() => editFirstVersion(src, 0, { [key]: null })).toThrow(/opens the entry's line/)
    }
  })

  it('changing a present key needs no url when nothing is added', () => {
    const src = doc(`      - version: '1'\n        meta:\n          a: b\n`)
    expect(editFirstVersion(src, 0, { version: '2' })).toBe(
      doc(`      - version: '2'\n        meta:\n          a: b\n`),
    )
  })

  it('fills an empty value whose key has a space before its colon', () => {
    const src = doc(`      - version: '1'\n        mirror_url :\n        url: https://x/1.img\n`)
    expect(editFirstVersion(src, 0, { mirror_url: 'https://m/1.img' })).toBe(
      doc(
        `      - version: '1'\n        mirror_url : https://m/1.img\n        url: https://x/1.img\n`,
      ),
    )
  })

  it('removing the last key at the end of the file and adding one leaves no blank line', () => {
    const src = doc(
      `      - version: '1'\n        url: https://x/1.img\n        mirror_url: https://m/1.img`,
    )
    expect(editFirstVersion(src, 0, { mirror_url: null, checksum: 'sha256:c' })).toBe(
      doc(`      - version: '1'\n        url: https://x/1.img\n        checksum: sha256:c\n`),
    )
  })

  it('adding a key to an empty entry is refused (no url to write after)', () => {
    const src = doc(`      - {}\n`)
    expect(() => editFirstVersion(src, 0, { version: '1' })).toThrow(EditError)
    expect(() => editFirstVersion(src, 0, { version: '1' })).toThrow(/no url/)
  })

  it('adding a key is refused when the url is not a scalar', () => {
    const src = doc(`      - version: '1'\n        url:\n          a: b\n`)
    expect(() => editFirstVersion(src, 0, { checksum: 'sha256:c' })).toThrow(/no url/)
    expect(editFirstVersion(src, 0, { version: '2', checksum: null })).toBe(
      doc(`      - version: '2'\n        url:\n          a: b\n`),
    )
  })
})
