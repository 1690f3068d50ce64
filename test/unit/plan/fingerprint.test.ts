import { describe, expect, it } from 'vitest'
import { compareSteps, planDigest, sameSteps, stepLines } from '../../../src/plan/fingerprint.js'
import { plan } from '../../../src/plan/plan.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

describe('plan fingerprint', () => {
  it('names every step with its definition, image and what it changes', () => {
    const lines = stepLines(plan([definition()], [], options()))
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^Ubuntu 24\.04: import Ubuntu 24\.04 \(20240416\) from http/)
    expect(lines[2]).toBe('Ubuntu 24.04: rename Ubuntu 24.04 (20240422) → Ubuntu 24.04')
  })

  it('the digest is the same for the same steps and differs when one step differs', () => {
    const def = definition()
    const a = plan([def], [], options())
    const b = plan([def], [], options())
    expect(planDigest(a)).toBe(planDigest(b))
    expect(planDigest(a)).toMatch(/^sha256:[0-9a-f]{64}$/)
    const images = adopted(def).map((i) => ({ ...i, min_ram: i.min_ram + 1 }))
    const drifted = plan([def], images, options())
    expect(stepLines(drifted).length).toBeGreaterThan(0)
    expect(planDigest(drifted)).not.toBe(planDigest(a))
    expect(planDigest({ ...a, cloud: 'other' })).not.toBe(planDigest(a))
  })

  it('an import that would no longer be verified is another step', () => {
    const def = definition({
      versions: [version('20240416', { checksum: `sha256:${'a'.repeat(64)}` })],
    })
    const verified = plan([def], [], options())
    const unverified = plan([def], [], options({ verify: 'none' }))
    expect(stepLines(verified)[0]).toContain('verified (sha256)')
    expect(stepLines(unverified)[0]).toContain('unverified (verify: none)')
    expect(planDigest(unverified)).not.toBe(planDigest(verified))
  })

  it('compares step lists as multisets: added, gone, or the same', () => {
    expect(compareSteps(['a', 'b', 'b'], ['b', 'c'])).toEqual({ added: ['c'], gone: ['a', 'b'] })
    expect(sameSteps(compareSteps(['a', 'b'], ['b', 'a']))).toBe(true)
    expect(sameSteps(compareSteps(['a'], ['a', 'a']))).toBe(false)
  })
})
