// The catalog splice editor of bump pull requests (src/update/edit.ts), byte
// for byte: what it leaves alone (an unchanged value that would re-render
// differently), how each scalar style is rewritten, where added keys go, what
// a removal takes, and every refusal with its reason.
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { EditError, editFirstVersion, editFirstVersions } from '../../../src/update/edit.js'

/** A catalog of image A whose first version entry is `entry`, and a second entry after it. */
const doc = (entry: string): string =>
  `images:\n  - name: A # keep\n    versions:\n${entry}      - version: '0'\n        url: https://x/0.img\n`

/** The first version entry of the first image, as YAML reads it. */
const firstOf = (text: string): unknown =>
  (load(text) as { images: { versions: unknown[] }[] }).images[0]?.versions[0]

const refusal = (src: string, changes: Record<string, string | null>, index = 0): string => {
  try {
    editFirstVersion(src, index, changes)
  } catch (error) {
    expect(error).toBeInstanceOf(EditError)
    expect((error as Error).name).toBe('EditError')
    return (error as Error).message
  }
  return expect.fail('the edit was made')
}

describe('an unchanged value keeps its bytes, even where writing it anew would differ', () => {
  it.each([
    ['a plain number', '        version: 20240101\n', { version: '20240101' }],
    ['a plain float-looking version', '        version: 1.10\n', { version: '1.10' }],
    ['a plain boolean-looking value', '        hidden: yes\n', { hidden: 'yes' }],
    ['a folded url', '        url: >-\n          https://x/a.img\n', { url: 'https://x/a.img' }],
    ['a literal url', '        url: |-\n          https://x/a.img\n', { url: 'https://x/a.img' }],
    ['a double-quoted escape', '        checksum: "sha256:\\x41"\n', { checksum: 'sha256:A' }],
    [
      'an unneeded single quote',
      "        build_date: '2024-01-01'\n",
      { build_date: '2024-01-01' },
    ],
    ['extra spaces', '        url:    https://x/a.img   # c\n', { url: 'https://x/a.img' }],
  ])('%s', (_, line, changes) => {
    const src = doc(`      - name_suffix: x\n${line}`)
    expect(editFirstVersion(src, 0, changes)).toBe(src)
  })

  it('a tagged value is written anew even when its text matches: the tag stays, the value is a string', () => {
    const src = doc(`      - version: !!str 20240101\n`)
    const out = editFirstVersion(src, 0, { version: '20240101' })
    expect(out).toBe(doc(`      - version: !!str '20240101'\n`))
    expect(firstOf(out)).toEqual({ version: '20240101' })
  })
})

describe('a changed value in the style of the old one', () => {
  it.each([
    ['plain, plain-safe', 'version: 1', '2', "version: '2'"],
    ['plain, a word', 'url: https://x/a', 'https://x/b.img', 'url: https://x/b.img'],
    [
      'plain, needs quotes',
      'url: https://x/a',
      "https://x/it's here",
      "url: 'https://x/it''s here'",
    ],
    ['plain, a comment sign', 'url: https://x/a', 'https://x/a#b', "url: 'https://x/a#b'"],
    ['plain, leading dash', 'version: a', '-1', "version: '-1'"],
    ['plain, a null word', 'version: a', 'null', "version: 'null'"],
    ['single-quoted, plain-safe', "version: 'a'", 'b', "version: 'b'"],
    ['double-quoted', 'url: "https://x/a"', 'https://x/"b"\\', 'url: "https://x/\\"b\\"\\\\"'],
    ['folded, plain-safe', 'url: >-\n          https://x/a', 'https://x/b', 'url: https://x/b'],
    ['literal, plain-safe', 'url: |\n          https://x/a', 'https://x/b', 'url: https://x/b'],
    [
      'literal, needs quotes',
      'url: |\n          https://x/a',
      'https://x/a b',
      "url: 'https://x/a b'",
    ],
    ['alias, plain-safe', 'version: *v', 'b2', 'version: b2'],
    ['alias, needs quotes', 'version: *v', '2', "version: '2'"],
  ])('%s', (_, before, value, after) => {
    const key = before.split(':')[0] as string
    const src = `v: &v '1'\n${doc(`      - ${before}\n        name_suffix: x\n`)}`
    const out = editFirstVersion(src, 0, { [key]: value })
    expect(out).toBe(`v: &v '1'\n${doc(`      - ${after}\n        name_suffix: x\n`)}`)
    expect(firstOf(out)).toEqual({ [key]: value, name_suffix: 'x' })
  })

  it('a block scalar with CRLF keeps the line end after it', () => {
    const src = doc(`      - url: >\r\n          https://x/a\r\n        version: '1'\r\n`)
    expect(editFirstVersion(src, 0, { url: 'https://x/b' })).toBe(
      doc(`      - url: https://x/b\r\n        version: '1'\r\n`),
    )
  })

  it('an empty value is filled after the colon, a quoted key too', () => {
    const src = doc(`      - "mirror_url":\n        'version': \n        url: https://x/a\n`)
    const out = editFirstVersion(src, 0, { mirror_url: 'https://m/a', version: '2' })
    expect(out).toBe(
      doc(`      - "mirror_url": https://m/a\n        'version': '2' \n        url: https://x/a\n`),
    )
  })

  it('a value that is a list or mapping is refused', () => {
    const src = doc(`      - url: https://x/a\n        tags: [a, b]\n`)
    expect(refusal(src, { tags: 'c' })).toBe(
      'cannot edit `tags` (not a scalar) in place; edit this entry by hand',
    )
  })
})

describe('keys the entry lacks', () => {
  it('go after the last key on lines of their own, in order, rendered plain or quoted', () => {
    const src = doc(`      - url: https://x/a # c\n        version: '1'\n`)
    const out = editFirstVersion(src, 0, {
      checksum: 'sha256:ab',
      build_date: '2026-03-01',
      mirror_url: "https://m/it's",
      os_version: '22.10',
    })
    expect(out).toBe(
      doc(
        `      - url: https://x/a # c\n        version: '1'\n        checksum: sha256:ab\n        build_date: 2026-03-01\n        mirror_url: 'https://m/it''s'\n        os_version: '22.10'\n`,
      ),
    )
  })

  it('after the url when the last key is no plain scalar (a list, an empty value)', () => {
    const list = doc(`      - url: https://x/a\n        tags:\n          - t\n`)
    expect(editFirstVersion(list, 0, { version: '2' })).toBe(
      doc(`      - url: https://x/a\n        version: '2'\n        tags:\n          - t\n`),
    )
    const empty = doc(`      - url: https://x/a\n        mirror_url:\n`)
    expect(editFirstVersion(empty, 0, { version: '2' })).toBe(
      doc(`      - url: https://x/a\n        version: '2'\n        mirror_url:\n`),
    )
  })

  it('with no url to go after, refused', () => {
    const src = doc(`      - version: '1'\n        tags: [a]\n`)
    expect(refusal(src, { checksum: 'c' })).toBe(
      'cannot edit the first version entry (no url) in place; edit this entry by hand',
    )
  })

  it('a one-key entry: aligned under the key, not the dash; a quoted key counts its quote', () => {
    const src = doc(`      - "url": https://x/a\n`)
    expect(editFirstVersion(src, 0, { version: '2' })).toBe(
      doc(`      - "url": https://x/a\n        version: '2'\n`),
    )
  })

  it('at the end of a file without a final newline', () => {
    const src = `images:\n  - name: A\n    versions:\n      - url: https://x/a`
    expect(editFirstVersion(src, 0, { version: '2' })).toBe(`${src}\n        version: '2'`)
  })

  it('in a flow entry: after its last value, in flow style', () => {
    const src = doc(`      - {url: https://x/a, version: '1'}\n`)
    expect(editFirstVersion(src, 0, { checksum: 'c d', build_date: '2026-03-01' })).toBe(
      doc(`      - {url: https://x/a, version: '1', checksum: 'c d', build_date: 2026-03-01}\n`),
    )
  })

  it('an unusual layout (an explicit key) is refused', () => {
    const src = doc(`      - ? url\n        : https://x/a\n`)
    expect(refusal(src, { version: '2' })).toBe(
      'cannot edit the first version entry (unusual layout) in place; edit this entry by hand',
    )
  })
})

describe('removing a key (null)', () => {
  it('an alias value, an empty value, a quoted key: the whole line goes', () => {
    const src = `m: &m https://m/a\n${doc(`      - url: https://x/a\n        mirror_url: *m # old\n        "checksum":\n        version: '1'\n`)}`
    expect(editFirstVersion(src, 0, { mirror_url: null, checksum: null })).toBe(
      `m: &m https://m/a\n${doc(`      - url: https://x/a\n        version: '1'\n`)}`,
    )
  })

  it('the last line of a file without a final newline', () => {
    const src = `images:\n  - name: A\n    versions:\n      - url: https://x/a\n        mirror_url: https://m/a`
    expect(editFirstVersion(src, 0, { mirror_url: null })).toBe(
      `images:\n  - name: A\n    versions:\n      - url: https://x/a\n`,
    )
  })

  it('a list value is refused; a key opening the entry is refused with its reason', () => {
    expect(
      refusal(doc(`      - url: https://x/a\n        tags:\n          - t\n`), { tags: null }),
    ).toBe('cannot edit `tags` (not a scalar) in place; edit this entry by hand')
    expect(
      refusal(doc(`      - mirror_url: https://m/a\n        url: https://x/a\n`), {
        mirror_url: null,
      }),
    ).toBe("cannot edit `mirror_url` (it opens the entry's line) in place; edit this entry by hand")
    expect(refusal(doc(`      - {url: https://x/a, mirror_url: m}\n`), { mirror_url: null })).toBe(
      'cannot edit `mirror_url` (a flow mapping) in place; edit this entry by hand',
    )
  })
})

describe('what cannot be edited in place, and why', () => {
  it.each([
    ['an empty file', '', 'a file without an `images:` mapping'],
    ['an empty document', '---\n...\n', 'a file without an `images:` mapping'],
    ['a list at the top', '- images: []\n', 'a file without an `images:` mapping'],
    ['images as a mapping', 'images:\n  a: b\n', '`images` (not a written list)'],
    ['no images key', 'other:\n  - a\n', '`images` (not a written list)'],
    ['an image past the end', 'images:\n  - name: A\n', 'image 2 (an alias or not a mapping)'],
    ['an image that is a scalar', 'images:\n  - A\n  - B\n', 'image 2 (an alias or not a mapping)'],
    [
      'no versions',
      'images:\n  - name: A\n  - name: B\n',
      '`versions` (an alias, anchored or not a list)',
    ],
    [
      'anchored versions',
      'images:\n  - name: A\n  - name: B\n    versions: &v\n      - url: x\n',
      '`versions` (an alias, anchored or not a list)',
    ],
    [
      'an empty versions list',
      'images:\n  - name: A\n  - name: B\n    versions: []\n',
      'the first version entry (an alias, anchored or not a mapping)',
    ],
    [
      'an anchored first entry',
      'images:\n  - name: A\n  - name: B\n    versions:\n      - &e\n        url: x\n',
      'the first version entry (an alias, anchored or not a mapping)',
    ],
    [
      'a scalar first entry',
      'images:\n  - name: A\n  - name: B\n    versions:\n      - x\n',
      'the first version entry (an alias, anchored or not a mapping)',
    ],
  ])('%s', (_, src, what) => {
    expect(refusal(src, { url: 'https://x/b' }, 1)).toBe(
      `cannot edit ${what} in place; edit this entry by hand`,
    )
  })

  it('only the first document counts; a complex key is no key; directives are skipped', () => {
    const src = `%YAML 1.2\n---\n? [images]\n: x\nimages:\n  - name: A\n    versions:\n      - url: https://x/a\n---\nimages: []\n`
    expect(editFirstVersion(src, 0, { url: 'https://x/b' })).toBe(
      src.replace('https://x/a', 'https://x/b'),
    )
  })
})

describe('editFirstVersions: several edits in one pass', () => {
  it('applies each, in any order of the file, and leaves out the ones refused, by position', () => {
    const src = `images:\n  - name: A\n    versions:\n      - url: https://x/a\n        version: '1'\n  - name: B\n    versions: *v\n  - name: C\n    versions:\n      - url: https://x/c\n`
    const { text, failed } = editFirstVersions(src.replace('*v', '[]'), [
      { imageIndex: 2, changes: { url: 'https://x/c2', version: '3' } },
      { imageIndex: 1, changes: { url: 'https://x/b2' } },
      { imageIndex: 0, changes: { version: '2', mirror_url: null } },
    ])
    expect(text).toBe(
      `images:\n  - name: A\n    versions:\n      - url: https://x/a\n        version: '2'\n  - name: B\n    versions: []\n  - name: C\n    versions:\n      - url: https://x/c2\n        version: '3'\n`,
    )
    expect([...failed]).toEqual([
      [
        1,
        'cannot edit the first version entry (an alias, anchored or not a mapping) in place; edit this entry by hand',
      ],
    ])
  })
})
