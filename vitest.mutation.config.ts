// The unit suite as mutation testing runs it: without the fuzz test, whose
// name carries a random seed (per-test filtering needs stable names) and
// which takes 50 s per run.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Mutants run one after the other on a busy machine: a slow test is not a killed mutant.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    exclude: ['test/unit/definitions/fuzz.test.ts', '**/node_modules/**'],
  },
})
