// Hostile definitions against the plan renderings: the forged comment by
// hand, then generated names, versions, urls and reasons read back by cmark-gfm.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { showInvisible } from '../../../src/escape/invisible.js'
import { planMarker } from '../../../src/action/plan-comment.js'
import { stickyBody } from '../../../src/github/sticky-comment.js'
import { plan } from '../../../src/plan/plan.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import type { Plan } from '../../../src/plan/types.js'
import { renderGfm, tagsOf, textOf } from '../../support/cmark-gfm.js'
import {
  ACTING,
  benign,
  FORGED_NAME,
  IMAGE_VERSION,
  LOG_ATTACKS,
  MARKDOWN_ATTACKS,
  PLAN_SLOTS,
  planOf,
} from '../escape/hostile.js'
import { definition, version } from '../../support/definitions.js'
import { options } from './fixtures.js'

/** The comment as posted, as GitHub's parser turns it into HTML. */
function commentHtml(p: Plan): string {
  const html = renderGfm(stickyBody(planMarker(p.cloud), renderMarkdown(p)))
  // The marker's text differs by cloud; that it stays one comment is checked here.
  return html.replace(/^<!-- image-manager-plan:[\w.%-]+ -->$/m, '<!-- marker -->')
}

const MENTION_OR_REFERENCE = /(^|\W)(@[a-z0-9]|#\d)/i

describe('the issue: a forged plan comment', () => {
  const forged = definition({
    name: FORGED_NAME,
    versions: [version('20240416', { version: IMAGE_VERSION }), version('20240422')],
  })
  const honest = definition({
    name: 'Ubuntu',
    versions: [version('20240416', { version: 'v1' }), version('20240422')],
  })

  it('shows no second heading, no image, no mention, and closes nothing early', () => {
    const html = commentHtml(plan([forged], [], options()))
    expect(html.match(/<h3>/g)).toHaveLength(1)
    expect(html).not.toMatch(/<img|<a /)
    expect(html.match(/<details/g)?.length).toBe(html.match(/<\/details>/g)?.length)
    expect(textOf(html)).not.toMatch(MENTION_OR_REFERENCE)
    expect(tagsOf(html)).toEqual(tagsOf(commentHtml(plan([honest], [], options()))))
  })

  it('the name and version read as written', () => {
    const text = textOf(commentHtml(plan([forged], [], options()))).replace(/\u2060/g, '')
    expect(text).toContain(showInvisible(FORGED_NAME))
    expect(text).toContain(IMAGE_VERSION)
  })

  it('the terminal plan keeps its lines', () => {
    const forgedText = renderTerminal(plan([forged], [], options()))
    expect(forgedText.split('\n')).toHaveLength(
      renderTerminal(plan([honest], [], options())).split('\n').length,
    )
    expect(forgedText).not.toMatch(ACTING)
    expect(forgedText).not.toMatch(/^### /m)
  })
})

describe('generated hostile plans (fast-check, seeded)', () => {
  const fragment = fc.oneof(
    fc.constantFrom(...MARKDOWN_ATTACKS, ...LOG_ATTACKS),
    fc.constantFrom(
      '\n',
      '\n\n',
      '\r',
      '#',
      '### ',
      '@',
      '`',
      '```',
      '<',
      '>',
      '&',
      '&#64;',
      '![',
      '](',
      '|',
      '~~',
      '*',
      '_',
      '\\',
      '$',
      ':',
      '://',
      'www.',
      '.com',
      'octocat',
      '123',
      '</details>',
      '<details open>',
      '-->',
      '\u2060',
      '\u202e',
      '\x1b[',
    ),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  // Not empty: an empty cloud or id leaves its element out by design.
  const hostile = fc
    .array(fragment, { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((v) => v !== '')
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)

  it(`adds no element, mention or reference to the comment (seed ${seed})`, () => {
    console.log(`fast-check seed ${seed} (FC_SEED=${seed} repeats this run)`)
    const expected = tagsOf(commentHtml(planOf(benign)))
    fc.assert(
      fc.property(
        fc.array(hostile, { minLength: PLAN_SLOTS.length, maxLength: PLAN_SLOTS.length }),
        (values) => {
          const s = (i: number): string => values[PLAN_SLOTS.indexOf(i)] as string
          const html = commentHtml(planOf(s))
          expect(tagsOf(html)).toEqual(expected)
          expect(textOf(html)).not.toMatch(MENTION_OR_REFERENCE)
          const text = textOf(html).replace(/\u2060/g, '')
          for (const slot of [1, 10, 28]) {
            // A reason or note ends its line: Markdown drops the spaces there.
            const shown = showInvisible(s(slot))
              .replace(/\u2060/g, '')
              .trimEnd()
            expect(text).toContain(shown)
          }
        },
      ),
      { seed, numRuns: 300, interruptAfterTimeLimit: 60_000 },
    )
  }, 90_000)
})
