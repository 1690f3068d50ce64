// The unit suite as mutation testing runs it: without the fuzz test, whose
// name carries a random seed (per-test filtering needs stable names) and
// which takes 50 s per run.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'forks',
    exclude: ['test/unit/definitions/fuzz.test.ts', '**/node_modules/**'],
  },
})
