// The hidden marker of a cloud's plan comment: one line, one HTML comment, one per cloud.
import { describe, expect, it } from 'vitest'
import { planMarker } from '../../../src/github/plan-comment.js'
import { stickyBody } from '../../../src/github/sticky-comment.js'
import { renderGfm } from '../../support/cmark-gfm.js'

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
