// The plan warns before the merge when its result would break scs-0102.
import { describe, expect, it } from 'vitest'
import { plan as pureplan, type PlanOptions } from '../../../src/plan/plan.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import type { Definition, Rotated } from '../../../src/definitions/types.js'
import { afterPlan, withScsFindings } from '../../../src/scs/after-plan.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from '../plan/fixtures.js'

const generic = (extra: Partial<Definition> = {}): Definition =>
  definition({
    versions: [version('20240416')],
    meta: { ...definition().meta, os_purpose: 'generic' },
    ...extra,
  })
const newer = (def: Definition): Definition => ({
  ...def,
  // With a checksum: an unverified public import would be a finding of its own.
  versions: [...def.versions, version('20240430', { checksum: `sha256:${'a'.repeat(64)}` })],
})
// The plan command attaches the findings to the pure plan; so does this suite.
const plan = (
  defs: Definition[],
  images: CloudImage[],
  o: PlanOptions,
): ReturnType<typeof pureplan> => withScsFindings(pureplan(defs, images, o), images)
const SCS = { meta: { os_purpose: 'oldgeneric' }, hidden: true }

describe('plan: SCS findings', () => {
  it('a rotation without the recipe leaves two generic images: the plan says so, naming both, with the fix', () => {
    const before = generic()
    const p = plan([newer(before)], adopted(before), options())
    expect(p.findings).toHaveLength(1)
    const message = p.findings[0]?.message ?? ''
    expect(message).toMatch(/^scs-0102-os_purpose-uniqueness: after this apply /)
    expect(message).toContain(
      "'Ubuntu 24.04 (20240416)', 'Ubuntu 24.04' are all generic for x86_64 ubuntu 24.04",
    )
    expect(message).toContain('--rotated-meta os_purpose=oldgeneric --rotated-hidden')
    expect(message).toContain('rotated: {meta: {os_purpose: oldgeneric}, hidden: true}')
    expect(renderTerminal(p)).toContain('! scs-0102-os_purpose-uniqueness: after this apply')
    expect(renderMarkdown(p)).toMatch(
      /\*\*Findings\*\*[^\n]*\n\n- scs-0102-os&#95;purpose-uniqueness/,
    )
  })

  it('with the recipe the plan has no finding', () => {
    const before = generic()
    expect(plan([newer(before)], adopted(before), options({ rotated: SCS })).findings).toEqual([])
  })

  it('hiding alone is enough; oldgeneric alone is enough', () => {
    const before = generic()
    const choices: Rotated[] = [{ meta: {}, hidden: true }, { meta: { os_purpose: 'oldgeneric' } }]
    for (const rotated of choices)
      expect(plan([newer(before)], adopted(before), options({ rotated })).findings).toEqual([])
  })

  it('retention that hides (community) the older build also satisfies the rule', () => {
    const before = generic({ meta: { ...generic().meta, uuid_validity: 'last-1' } })
    const p = plan([newer(before)], adopted(before), options({ hide: true }))
    expect(p.findings).toEqual([])
  })

  it('a cloud already in breach is reported even when the plan changes nothing', () => {
    const def = newer(generic())
    const p = plan([def], adopted(def), options())
    expect(p.summary.unchanged).toBe(1)
    expect(p.findings.map((f) => f.message.slice(0, 30))).toEqual([
      'scs-0102-os_purpose-uniqueness',
    ])
  })

  it('definitions without os_purpose generic get no finding (drop-in catalogs stay quiet)', () => {
    const before = definition({ versions: [version('20240416')] })
    expect(plan([newer(before)], adopted(before), options()).findings).toEqual([])
  })
})

describe('afterPlan', () => {
  it('imports, renames, updates and deletes as the steps say', () => {
    const before = generic()
    const images = adopted(before)
    const p = plan([newer(before)], images, options({ rotated: SCS }))
    const after = afterPlan(images, p)
    expect(
      after.map((i) => `${i.name} ${i.properties.os_purpose} ${i.os_hidden} ${i.id ?? 'new'}`),
    ).toEqual([
      `Ubuntu 24.04 (20240416) oldgeneric true ${images[0]?.id}`,
      'Ubuntu 24.04 generic false new',
    ])
    const deleting = plan(
      [{ ...newer(before), meta: { ...before.meta, uuid_validity: 'last-1' } }],
      images,
      options({ delete: true, confirmDelete: true }),
    )
    expect(afterPlan(images, deleting).map((i) => i.name)).toEqual(['Ubuntu 24.04'])
  })
})

describe('plan: scs-0104 findings', () => {
  const NOBLE = 'https://cloud-images.ubuntu.com/releases/noble/release-20240416/noble.img'
  const noble = (v: string, extra: Partial<ReturnType<typeof version>> = {}) =>
    // With a checksum: an unverified public import would be a finding of its own.
    version(v, {
      url: NOBLE.replace('20240416', v),
      checksum: `sha256:${'b'.repeat(64)}`,
      ...extra,
    })
  const conformant = (): Definition => generic({ versions: [noble('20240416')] })
  const ids = (p: ReturnType<typeof plan>): string[] =>
    p.findings.map((f) => f.message.split(':')[0] as string)

  it('a conformant rotation (the recipe, a vendor url) has no finding', () => {
    const before = conformant()
    const after = { ...before, versions: [...before.versions, noble('20240430')] }
    expect(plan([after], adopted(before), options({ rotated: SCS })).findings).toEqual([])
  })

  it('a rotation that leaves no visible Ubuntu 24.04 warns, naming the image and the fix', () => {
    const before = conformant()
    const after = {
      ...before,
      versions: [...before.versions, noble('20240430', { hidden: true })],
    }
    const p = plan([after], adopted(before), options({ rotated: SCS }))
    expect(ids(p)).toEqual(['scs-0104-image-ubuntu-2404'])
    expect(p.findings[0]?.message).toContain(
      "after this apply 'Ubuntu 24.04': missing: no public or community image that is not hidden is 'Ubuntu 24.04'; fix: add a definition named 'Ubuntu 24.04'",
    )
  })

  it('a new build from a url outside the allowed prefixes warns', () => {
    const before = conformant()
    const mirror = 'https://mirror.example.test/noble/20240430/noble.img'
    const after = { ...before, versions: [...before.versions, noble('20240430', { url: mirror })] }
    const p = plan([after], adopted(before), options({ rotated: SCS }))
    expect(ids(p)).toEqual(['scs-0104-source-ubuntu-2404'])
    expect(p.findings[0]?.message).toContain(`image_source '${mirror}' starts with none of`)
  })

  it("what the managed images already break is not the plan's to say (check says it)", () => {
    const before = generic() // image_source outside the prefixes already
    const p = plan([newer(before)], adopted(before), options({ rotated: SCS }))
    expect(p.findings).toEqual([])
  })
})
