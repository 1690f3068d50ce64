// Mutation testing of the code that decides what happens to a cloud or a
// catalog (`npm run test:mutation`; figures in docs/benchmarks.md). The unit
// suite only: the integration suite needs a cloud and is too slow per mutant.
// Equivalent mutants are disabled where they stand, with the reason, by a
// `// Stryker disable next-line <mutator>: <why>` comment.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The fixtures hold a symlink (a hostile-input case) that the sandbox copy cannot take.
  inPlace: true,
  // In place, Stryker rewrites the files it reads and drops their executable bit.
  ignorePatterns: ['dist', 'src/cli/openstack-image-manager.js', 'reports', 'bench'],
  mutate: [
    'src/plan/plan.ts',
    'src/plan/diff.ts',
    'src/plan/retention.ts',
    'src/plan/desire.ts',
    'src/plan/saved.ts',
    'src/definitions/normalize.ts',
    'src/definitions/rules.ts',
    'src/apply/wait.ts',
    'src/apply/verify.ts',
    'src/update/edit.ts',
  ],
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
}
