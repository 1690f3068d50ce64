import { describe, expect, it } from 'vitest'
import { limiter } from '../../src/limiter.js'

describe('limiter', () => {
  it('lets at most n callers in at once and all of them through', async () => {
    const slot = limiter(2)
    let inside = 0
    let most = 0
    const work = async (): Promise<number> => {
      inside++
      most = Math.max(most, inside)
      await new Promise((r) => setTimeout(r, 1))
      inside--
      return 1
    }
    const results = await Promise.all(Array.from({ length: 7 }, () => slot(work)))
    expect(results).toHaveLength(7)
    expect(most).toBe(2)
  })
})
