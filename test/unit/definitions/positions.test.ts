import { describe, expect, it } from 'vitest'
import { parseEvents } from 'js-yaml'
import { indexPositions, LineMap } from '../../../src/definitions/positions.js'

function at(source: string, pointer: string) {
  const index = indexPositions(source, parseEvents(source, {}))
  const lines = new LineMap(source)
  const loc = index.get(pointer)
  if (!loc) throw new Error(`no node at ${pointer}`)
  return {
    value: lines.locate(loc.value),
    key: loc.key === undefined ? undefined : lines.locate(loc.key),
  }
}

const doc = [
  'images:', //                                   1
  '  - name: "Ubuntu 24.04"', //                  2
  '    versions:', //                             3
  "      - version: '20240416'", //                4
  '        url: https://example.test/a.img', //   5
  '    tags: [a, b]', //                          6
  '    meta: {os_distro: ubuntu}', //             7
  '    description: |', //                       8
  '      text', //                                9
].join('\n')

describe('indexPositions', () => {
  it.each([
    ['', 1, 1],
    ['/images', 2, 3],
    ['/images/0', 2, 5],
    ['/images/0/name', 2, 11],
    ['/images/0/versions/0', 4, 9],
    ['/images/0/versions/0/version', 4, 18],
    ['/images/0/versions/0/url', 5, 14],
    ['/images/0/tags', 6, 11],
    ['/images/0/tags/1', 6, 15],
    ['/images/0/meta/os_distro', 7, 23],
    ['/images/0/description', 8, 18],
  ])('%s starts at %i:%i', (pointer, line, column) => {
    expect(at(doc, pointer).value).toEqual({ line, column })
  })

  it('records where the key of a mapping entry stands', () => {
    expect(at(doc, '/images/0/versions').key).toEqual({ line: 3, column: 5 })
    expect(at(doc, '/images/0/meta/os_distro').key).toEqual({ line: 7, column: 12 })
  })

  it('escapes / and ~ in keys as JSON pointers do', () => {
    const src = 'a/b: 1\nc~d: 2\n'
    expect(at(src, '/a~1b').value).toEqual({ line: 1, column: 6 })
    expect(at(src, '/c~0d').value).toEqual({ line: 2, column: 6 })
  })
})

describe('LineMap', () => {
  it('returns the text of a line without its line break', () => {
    const lines = new LineMap('one\r\ntwo\nthree')
    expect([lines.lineText(1), lines.lineText(2), lines.lineText(3)]).toEqual([
      'one',
      'two',
      'three',
    ])
    expect(lines.locate(5)).toEqual({ line: 2, column: 1 })
  })
})
