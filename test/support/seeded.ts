// A seeded random source for tests that pick points at random: the seed is
// printed, and setting it again (TEST_SEED=...) replays the same run.

/** mulberry32: small, fast, good enough to spread kill points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** TEST_SEED when set, else a fresh one; always reported so a failure can be replayed. */
export function testSeed(name: string): { seed: number; random: () => number } {
  const given = process.env.TEST_SEED
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31)
  console.info(`${name}: seed ${seed} (replay with TEST_SEED=${seed})`)
  return { seed, random: seededRandom(seed) }
}
