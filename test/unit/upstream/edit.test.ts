import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { EditError, editFirstVersion } from '../../../src/upstream/edit.js'

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
})
