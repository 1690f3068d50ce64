import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { EditError, editFirstVersion } from '../../../src/update/edit.js'

const H = 'a'.repeat(64)
const changes = {
  version: '20260301',
  url: 'https://x/new.img',
  checksum: `sha256:${H}`,
  build_date: '2026-03-01',
}

const doc = (entry: string, rest = ''): string =>
  `images:\n  - name: A # keep\n    versions:\n${entry}${rest}`

describe('editFirstVersion', () => {
  it('keeps each value in its quoting style and touches nothing else', () => {
    const src = doc(
      `      - version: "20240101"  # dq\n        url: 'https://x/old.img'\n        checksum: sha256:${'b'.repeat(64)}\n        build_date: 2024-01-01\n`,
      `      - version: '20230101'\n        url: https://x/older.img\n`,
    )
    const out = editFirstVersion(src, 0, changes)
    expect(out).toBe(
      doc(
        `      - version: "20260301"  # dq\n        url: 'https://x/new.img'\n        checksum: sha256:${H}\n        build_date: 2026-03-01\n`,
        `      - version: '20230101'\n        url: https://x/older.img\n`,
      ),
    )
  })

  it('a plain number version becomes a quoted string; a value needing quotes gets them', () => {
    const src = doc(`      - version: 20240101\n        url: https://x/old.img\n`)
    const out = editFirstVersion(src, 0, { version: '20260301', url: 'https://x/a b#c.img' })
    expect(out).toBe(doc(`      - version: '20260301'\n        url: 'https://x/a b#c.img'\n`))
    expect(load(out)).toEqual({
      images: [{ name: 'A', versions: [{ version: '20260301', url: 'https://x/a b#c.img' }] }],
    })
  })

  it('adds missing keys after the last one, indented like it; fills an empty value; keeps CRLF', () => {
    const src = doc(
      `      - version: '1'\r\n        mirror_url:\r\n        url: https://x/old.img # c\r\n`,
    ).replace(/(?<!\r)\n/g, '\r\n')
    const out = editFirstVersion(src, 0, { ...changes, mirror_url: 'https://m/x.qcow2' })
    expect(out).toBe(
      doc(
        `      - version: '20260301'\r\n        mirror_url: https://m/x.qcow2\r\n        url: https://x/new.img # c\r\n        checksum: sha256:${H}\r\n        build_date: 2026-03-01\r\n`,
      ).replace(/(?<!\r)\n/g, '\r\n'),
    )
  })

  it('replaces a block scalar and an alias value, but refuses an anchored value others share', () => {
    const src = `x: &u https://x/shared.img\nimages:\n  - name: A\n    versions:\n      - version: *v\n        url: >-\n          https://x/old.img\n        checksum: c\n`
    const withAnchor = `v: &v '1'\n${src}`
    const out = editFirstVersion(withAnchor, 0, {
      version: '2',
      url: 'https://x/new.img',
      checksum: 'd',
    })
    expect(out).toBe(
      `v: &v '1'\nx: &u https://x/shared.img\nimages:\n  - name: A\n    versions:\n      - version: '2'\n        url: https://x/new.img\n        checksum: d\n`,
    )
    const anchored = `images:\n  - name: A\n    versions:\n      - url: &u https://x/old.img\n  - name: B\n    versions:\n      - url: *u\n`
    expect(() => editFirstVersion(anchored, 0, { url: 'https://x/new.img' })).toThrow(EditError)
    expect(() => editFirstVersion(anchored, 0, { url: 'https://x/new.img' })).toThrow(/anchored/)
  })

  it('refuses versions that come from an alias', () => {
    const src = `common: &c\n  - version: '1'\n    url: https://x/a\nimages:\n  - name: A\n    versions: *c\n`
    expect(() => editFirstVersion(src, 0, changes)).toThrow(/versions/)
  })

  it('an unchanged value is not rewritten', () => {
    const src = doc(`      - version: "1"\n        url:   https://x/new.img\n`)
    expect(editFirstVersion(src, 0, { version: '1', url: 'https://x/new.img' })).toBe(src)
  })
  describe('removing a key (null)', () => {
    it('drops the line with its comment, a folded value too, and keeps CRLF and the rest', () => {
      const src = doc(
        `      - version: '1'\r\n        mirror_url: >-  # old mirror\r\n          https://m/1-a.qcow2\r\n        url: https://x/old.img\r\n`,
        `      - version: '0'\r\n        mirror_url: https://m/0-a.qcow2\r\n`,
      ).replace(/(?<!\r)\n/g, '\r\n')
      const out = editFirstVersion(src, 0, { version: '2', mirror_url: null })
      expect(out).toBe(
        doc(
          `      - version: '2'\r\n        url: https://x/old.img\r\n`,
          `      - version: '0'\r\n        mirror_url: https://m/0-a.qcow2\r\n`,
        ).replace(/(?<!\r)\n/g, '\r\n'),
      )
    })

    it('removes the last key and adds the missing ones after the remaining last key', () => {
      const src = doc(
        `      - version: '1'\n        url: https://x/old.img\n        mirror_url: https://m/1-a.qcow2`,
      )
      const out = editFirstVersion(src, 0, { ...changes, mirror_url: null })
      expect(load(out)).toEqual({
        images: [
          {
            name: 'A',
            versions: [changes],
          },
        ],
      })
      expect(out).not.toContain('mirror_url')
    })

    it('an absent key is nothing to do; a flow entry or a key opening the entry is refused', () => {
      const plain = doc(`      - version: '1'\n        url: https://x/old.img\n`)
      expect(editFirstVersion(plain, 0, { mirror_url: null })).toBe(plain)
      const flow = doc(`      - {version: '1', url: https://x/a.img, mirror_url: https://m/a}\n`)
      expect(() => editFirstVersion(flow, 0, { mirror_url: null })).toThrow(/flow mapping/)
      const first = doc(
        `      - mirror_url: https://m/a\n        version: '1'\n        url: https://x/a.img\n`,
      )
      expect(() => editFirstVersion(first, 0, { mirror_url: null })).toThrow(EditError)
    })
  })
})
