// The Markdown sink: user text read back by GitHub's own parser adds nothing to the template.
import { describe, expect, it } from 'vitest'
import { showInvisible } from '../../../src/escape/invisible.js'
import { escapeMarkdown, markdownBlock, markdownCode } from '../../../src/escape/markdown.js'
import { renderGfm, tagsOf, textOf } from '../../support/cmark-gfm.js'
import { FORGED_NAME, IMAGE_VERSION, MARKDOWN_ATTACKS } from './hostile.js'

/** Every context the templates put a value in: a heading, a list item, `<summary>`, a table cell. */
const template = (v: string): string =>
  [
    `### Plan for ${markdownCode(v)}: ${escapeMarkdown(v)}`,
    '',
    `<details open><summary><b>${escapeMarkdown(v)} — 1 change(s)</b> <sub>${escapeMarkdown(v)}</sub></summary>`,
    '',
    `- **import** ${markdownCode(v)} — ${escapeMarkdown(v)}`,
    '',
    '</details>',
    '',
    '| | Where | Problem |',
    '|---|---|---|',
    `| error | ${markdownCode(v)} | ${escapeMarkdown(v)} |`,
    '',
    '<sub>end</sub>',
  ].join('\n')

const WORD_JOINER = /\u2060/g

describe('escapeMarkdown', () => {
  it('writes Markdown and HTML signs as references and breaks mentions and references', () => {
    expect(escapeMarkdown('a@b #1 <x> [l](u) `c` *e* x|y')).toBe(
      'a@\u2060b &#35;\u20601 &#60;x&#62; &#91;l&#93;(u) &#96;c&#96; &#42;e&#42; x&#124;y',
    )
    expect(escapeMarkdown('www.example.org https://x')).toBe('www&#46;example.org https&#58;//x')
    expect(escapeMarkdown('a\nb\x1b[31m\u202e')).toBe('a&#92;x0ab&#92;x1b&#91;31m&#92;u202e')
  })

  it.each(MARKDOWN_ATTACKS)('%j adds no element and reads back as written', (attack) => {
    const html = renderGfm(template(attack))
    expect(tagsOf(html)).toEqual(tagsOf(renderGfm(template('benign value'))))
    // GitHub links mentions and references in the rendered text.
    expect(textOf(html)).not.toMatch(/(^|\W)(@[a-z0-9]|#\d)/i)
    const text = textOf(html).replace(WORD_JOINER, '')
    expect(text.split(showInvisible(attack)).length - 1).toBe(8)
  })

  it('the forged heading and the tracking image of the issue stay text', () => {
    const html = renderGfm(template(`${FORGED_NAME} ${IMAGE_VERSION}`))
    expect(html.match(/<h3>/g)).toHaveLength(1)
    expect(html).not.toMatch(/<img|<a |<\/details>\s*<ul>|<h[1-6]>[^<]*Plan: no changes/)
    expect(html.match(/<\/details>/g)).toHaveLength(1)
    const text = textOf(html)
    expect(text).not.toMatch(/(^|\W)@[a-z0-9]/i)
    expect(text.replace(WORD_JOINER, '')).toContain('\\x0a\\x0a### ✅ Plan: no changes @octocat')
  })

  it('a preformatted block keeps its lines, and nothing in it ends the block', () => {
    const lines = ['Applied: 1 failed', ...MARKDOWN_ATTACKS.map((a) => a.replace(/\n/g, ' '))]
    const html = renderGfm(`${markdownBlock(lines.join('\n'))}\n\n<sub>end</sub>`)
    expect(tagsOf(html)).toEqual(['<pre>', '</pre>', '<p>', '<sub>', '</sub>', '</p>'])
    expect(textOf(html).replace(WORD_JOINER, '').split('\n').slice(0, lines.length)).toEqual(
      lines.map((l) => showInvisible(l)),
    )
  })

  it('issue and pull request references do not link', () => {
    const text = textOf(renderGfm(escapeMarkdown('fixes #12, owner/repo#3 and GH #4')))
    expect(text).not.toMatch(/#\d/)
    expect(text.replace(WORD_JOINER, '')).toContain('fixes #12, owner/repo#3')
  })
})
