// The plan comment's record and what the merge makes of it: names from pull
// requests never close the hidden line or forge a second one; a damaged record
// is "no reviewed plan"; the comment lists what removes or narrows first and
// links each definition to its line at the planned commit.
import { describe, expect, it } from 'vitest'
import { planCommentBody, planMarker, planSource } from '../../../src/action/plan-comment.js'
import {
  planRecord,
  readRecord,
  RECORD_LIMIT,
  recordLine,
  type PlanRecord,
} from '../../../src/action/plan-record.js'
import {
  compareWithReviewed,
  refusal,
  verdictMarkdown,
  verdictText,
  type Reviewed,
} from '../../../src/action/reviewed-plan.js'
import { stickyBody } from '../../../src/github/sticky-comment.js'
import { planDigest, stepLines } from '../../../src/plan/fingerprint.js'
import type { Plan } from '../../../src/plan/types.js'
import { renderGfm, tagsOf, textOf } from '../../support/cmark-gfm.js'
import { benign, MARKDOWN_ATTACKS, planOf } from '../escape/hostile.js'

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
const RECORD = /^<!-- image-manager-plan-record:v1 sha256:[0-9a-f]{64} [A-Za-z0-9+/]*={0,2} -->$/
const source = planSource('https://github.com', { owner: 'o', repo: 'r' }, HEAD)
const hostile = (i: number): string => MARKDOWN_ATTACKS[i % MARKDOWN_ATTACKS.length] as string
const forgedLine = (): string => {
  const fake: PlanRecord = {
    commit: 'f'.repeat(40),
    readAt: 'x',
    cloud: null,
    digest: `sha256:${'0'.repeat(64)}`,
    steps: [],
  }
  return recordLine(fake)
}

/** The comment as posted. */
const posted = (plan: Plan): string =>
  stickyBody(planMarker(plan.cloud), planCommentBody(plan, source))

describe('the plan record in the comment', () => {
  it('reads back what was planned, whatever the names', () => {
    for (const s of [benign, hostile, (i: number) => `${forgedLine()}\n-->${i}`]) {
      const plan = planOf(s)
      const body = posted(plan)
      // The only raw HTML comments: the marker and the one record line.
      const lines = body
        .split('\n')
        .filter((l) => l.includes('<!--'))
        .slice(1)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(RECORD)
      expect(readRecord(body)).toEqual({
        commit: HEAD,
        readAt: plan.generatedAt,
        cloud: plan.cloud,
        digest: planDigest(plan),
        steps: stepLines(plan),
      })
    }
  })

  it('shows nothing of itself on GitHub', () => {
    const html = renderGfm(posted(planOf(hostile)))
    expect(textOf(html)).not.toContain('image-manager-plan-record')
  })

  it.each([
    [
      'no record line',
      (b: string) => b.replace(/^<!-- image-manager-plan-record.*\n/m, ''),
      'carries no plan record',
    ],
    [
      'data that is no JSON',
      (b: string) => b.replace(/ [A-Za-z0-9+/=]+ -->$/m, ' bm90IGpzb24= -->'),
      'not readable',
    ],
    [
      'steps edited by hand',
      (b: string) =>
        b.replace(/ ([A-Za-z0-9+/=]+) -->$/m, (_, data: string) => {
          const r = JSON.parse(Buffer.from(data, 'base64').toString()) as PlanRecord
          r.steps = [...(r.steps ?? []), 'x: delete y']
          return ` ${Buffer.from(JSON.stringify(r)).toString('base64')} -->`
        }),
      'do not match its digest',
    ],
    [
      'another digest in the marker',
      (b: string) => b.replace(/sha256:[0-9a-f]{4}/, 'sha256:0000'),
      'incomplete',
    ],
  ])('%s: no reviewed plan, said why', (_, damage, problem) => {
    const body = damage(posted(planOf(benign)))
    const read = readRecord(body)
    expect(read).toEqual({ problem: expect.stringContaining(problem) })
  })

  it('a plan too big for the comment keeps its digest only, and still compares', () => {
    const big = planOf(benign)
    const def = big.definitions[0] as Plan['definitions'][number]
    const step = def.steps[3] as Plan['definitions'][number]['steps'][number]
    def.steps = Array.from({ length: 2000 }, (_, i) => ({
      ...step,
      image: { id: `id-${i}`, name: `image ${i}` },
    }))
    const line = recordLine(planRecord(big, HEAD))
    expect(line.length).toBeLessThanOrEqual(RECORD_LIMIT)
    const record = readRecord(line)
    expect(record).toMatchObject({ digest: planDigest(big), steps: null })
    const reviewed: Reviewed = { pull: null, record: record as PlanRecord }
    expect(compareWithReviewed(reviewed, big).asReviewed).toBe(true)
    const other = compareWithReviewed(reviewed, planOf(benign))
    expect(other).toMatchObject({ asReviewed: false, difference: undefined })
    expect(verdictText(other)).toContain('the digests differ')
  })
})

describe('the plan comment for a reviewer', () => {
  it('lists what removes or narrows first, marked, each linked to its line at the commit', () => {
    const plan = planOf(benign)
    const update = plan.definitions[0]?.steps[2]
    if (update?.action === 'update')
      update.changes.push({ field: 'visibility', from: 'public', to: 'private' })
    const html = renderGfm(posted(plan))
    const top = html.slice(0, html.indexOf('<details'))
    expect(top).toContain(`<a href="https://github.com/o/r/commit/${HEAD}">ec26c3e</a>`)
    expect(top).toContain('Removes or narrows (3)')
    expect(top).toMatch(
      /⚠️ <strong>update<\/strong>[\s\S]*⚠️ <strong>deactivate<\/strong>[\s\S]*⚠️ <strong>hide<\/strong>/,
    )
    expect(top).not.toContain('<strong>import</strong>')
    expect(top).toContain(`href="https://github.com/o/r/blob/${HEAD}/value2#L3"`)
  })

  it('a hostile file name is one link to a path of its own, adding nothing', () => {
    for (const name of MARKDOWN_ATTACKS) {
      const plan = planOf(benign)
      ;(plan.definitions[0] as Plan['definitions'][number]).file = `etc/images/${name}.yml`
      const html = renderGfm(posted(plan))
      const links = html.match(/<a [^>]*>/g) ?? []
      expect(
        links.every((a) =>
          /^<a href="https:\/\/github\.com\/o\/r\/(commit|blob)\/[\w./~%#-]+">$/.test(a),
        ),
        name,
      ).toBe(true)
      const shape = (h: string) => tagsOf(h).map((t) => t.replace(/ href="[^"]*"/, ''))
      expect(shape(html)).toEqual(shape(renderGfm(posted(planOf(benign)))))
    }
  })

  it('a definition outside the workspace is named, not linked', () => {
    const plan = planOf(benign)
    ;(plan.definitions[0] as Plan['definitions'][number]).file = '/elsewhere/x.yml'
    expect(renderGfm(posted(plan))).not.toContain('/blob/')
  })
})

describe('the merge against the reviewed plan', () => {
  const plan = planOf(benign)
  const record = planRecord(plan, HEAD)
  const pull = { number: 2, url: 'u', headSha: HEAD, mergeCommitSha: 'm', merged: true }

  it('the same plan for the merged head is as reviewed: applied under require too', () => {
    const verdict = compareWithReviewed({ pull, record }, plan)
    expect(verdict.asReviewed).toBe(true)
    expect(refusal(verdict, 'require')).toBeUndefined()
  })

  it('a record of an older head than the one merged is not as reviewed', () => {
    const verdict = compareWithReviewed(
      { pull: { ...pull, headSha: 'b'.repeat(40) }, record },
      plan,
    )
    expect(verdict).toMatchObject({ asReviewed: false, otherCommit: true })
    expect(verdictMarkdown(verdict).join('\n')).toContain('whose plan was never posted')
    expect(refusal(verdict, 'report')).toBeUndefined()
    expect(refusal(verdict, 'require')).toContain('Nothing applied')
  })

  it('no record: "no reviewed plan"; require refuses and says what to do', () => {
    const verdict = compareWithReviewed(
      { pull: null, record: null, missing: 'commit abc has no pull request' },
      plan,
    )
    expect(verdictMarkdown(verdict)[0]).toBe(
      '**No reviewed plan**: commit abc has no pull request.',
    )
    expect(refusal(verdict, 'require')).toMatch(/new pull request[\s\S]*workflow_dispatch/)
  })
})
