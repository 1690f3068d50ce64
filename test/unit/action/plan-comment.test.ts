// The hidden marker of a cloud's plan comment: one line, one HTML comment, one per cloud.
import { describe, expect, it } from 'vitest'
import { planMarker } from '../../../src/action/plan-comment.js'
import {
  COMMENT_BODY_LIMIT,
  stickyBody,
  TRUNCATION_NOTE,
} from '../../../src/github/sticky-comment.js'
import { plan } from '../../../src/plan/plan.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { renderGfm } from '../../support/cmark-gfm.js'
import { definition, options, version } from '../plan/fixtures.js'

describe('planMarker', () => {
  it('keeps plain cloud names as they were', () => {
    expect(planMarker(undefined)).toBe('<!-- image-manager-plan:default -->')
    expect(planMarker('my-cloud_2.prod')).toBe('<!-- image-manager-plan:my-cloud_2.prod -->')
  })

  it.each(['a-->b', 'a--->', 'x\n<img src=y>', 'wolke ☁', '-', '--!>', '<!--'])(
    '%j stays inside one hidden comment',
    (cloud) => {
      const marker = planMarker(cloud)
      expect(marker).toMatch(/^<!-- image-manager-plan:[\w.%-]+ -->$/)
      expect(marker.slice(4, -3)).not.toContain('--')
      // The body as posted is accepted, and GitHub shows nothing of the marker.
      expect(renderGfm(stickyBody(marker, 'body'))).toBe(`${marker}\n<p>body</p>\n`)
    },
  )

  it('two clouds never share a marker', () => {
    const names = ['a-b', 'a--b', 'a%2Db', 'a b', 'a%20b', 'a_b']
    expect(new Set(names.map(planMarker)).size).toBe(names.length)
  })
})

describe('the comment of a big plan', () => {
  it('2,000 changes stay under GitHub’s limit and still show the summary first', () => {
    const definitions = Array.from({ length: 1000 }, (_, i) =>
      definition({
        name: `Big Image ${i}`,
        multi: false,
        versions: [version('20240416'), version('20240422')],
      }),
    )
    const big = plan(definitions, [], options({ cloud: 'prod' }))
    expect(big.summary.import).toBe(2000)
    const body = stickyBody(planMarker('prod'), renderMarkdown(big, { stable: true }))
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    const html = renderGfm(body)
    expect(html).toContain('<h3>Image plan for cloud <code>prod</code>: 2000 to import</h3>')
    expect(html).toContain(TRUNCATION_NOTE.slice(2))
    // What was cut is cut cleanly: the Markdown still closes every <details> it opened.
    expect(html.split('<details').length).toBe(html.split('</details>').length)
  })
})
