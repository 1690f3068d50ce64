// The bump pull request's text, read back with GitHub's own Markdown parser:
// values from catalogs and upstream sites add no cell, link, mention or markup.
import { describe, expect, it } from 'vitest'
import { bumpBody, bumpCommitMessage, bumpTitle } from '../../../src/update/bump-body.js'
import type { Bump } from '../../../src/update/types.js'
import { renderGfm, tagsOf, textOf } from '../../support/cmark-gfm.js'

const hostile: Bump = {
  image: 'Ubuntu | @octocat <script>alert(1)</script> #1 **bold**',
  from: '2025`01`01',
  to: '[20250201](https://evil.test)',
  url: 'https://mirror.test/a|b/<img src=x>/disk.img',
  checksum: 'sha256:![x](https://evil.test/x.png)',
  buildDate: '2025-02-01\n| injected | row |',
}

describe('bumpBody', () => {
  it('renders one table row per image, five cells each, with every value as written and nothing active', () => {
    const plain: Bump = { ...hostile, image: 'Debian 12', to: '20250202' }
    const html = renderGfm(bumpBody('etc/images/<odd>|name.yml', [hostile, plain]))
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(row.match(/<t[dh]>/g)).toHaveLength(5)
    const tags = new Set(
      tagsOf(html)
        .filter((t) => t !== '<!-- image-manager-bump -->')
        .map((t) => t.replace(/\s.*$/, '>').replace(/>+$/, '>')),
    )
    expect([...tags].sort()).toEqual(
      [
        '<code>',
        '</code>',
        '<p>',
        '</p>',
        '<table>',
        '</table>',
        '<thead>',
        '</thead>',
        '<tbody>',
        '</tbody>',
        '<tr>',
        '</tr>',
        '<th>',
        '</th>',
        '<td>',
        '</td>',
      ].sort(),
    )
    const text = textOf(html)
    expect(text).toContain(hostile.url)
    expect(text).toContain(hostile.checksum)
    expect(text).toContain('Ubuntu | @\u2060octocat <script>alert(1)</script> #\u20601 **bold**')
    expect(text).toContain('2025-02-01\\x0a| injected | row |')
  })

  it('adds a Mirror column when a bump has a mirror: the claimed url, or why it has none, escaped', () => {
    const mirrored: Bump = { ...hostile, mirror: { url: 'https://m.test/a|b', note: 'uploaded' } }
    const failed: Bump = { ...hostile, mirror: { error: 'HTTP 403 | @octocat <b>x</b>' } }
    const html = renderGfm(bumpBody('f.yml', [mirrored, failed, { ...hostile, image: 'Plain' }]))
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
    expect(rows).toHaveLength(4)
    for (const row of rows) expect(row.match(/<t[dh]>/g)).toHaveLength(6)
    expect(rows[0]).toContain('<th>Mirror</th>')
    expect(rows[1]).toContain('<code>https://m.test/a|b</code>')
    expect(textOf(rows[2] ?? '')).toContain('not mirrored: HTTP 403 | @\u2060octocat <b>x</b>')
    expect(tagsOf(rows[2] ?? '')).not.toContain('<b>')
    // Without any mirror the table keeps its five columns (asserted above).
    expect(renderGfm(bumpBody('f.yml', [hostile]))).not.toContain('Mirror')
  })

  it('keeps title and commit message on their lines', () => {
    expect(bumpTitle('f.yml', [hostile])).not.toContain('\n')
    expect(bumpTitle('f.yml', [hostile, hostile])).toBe('Update 2 images in f.yml')
    const message = bumpCommitMessage('f.yml', [{ ...hostile, image: 'a\nb' }])
    expect(message.split('\n')[3]).toBe('- a\\x0ab: 2025`01`01 -> [20250201](https://evil.test)')
  })
})
