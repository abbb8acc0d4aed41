// Mutation testing of the code that computes legal outcomes (docs/testing.md): `npm run test:mutation`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'functions/domain/calendar/working-calendar.ts',
    'functions/domain/deadlines/derive.ts',
    'functions/domain/requests/fees.ts',
    'functions/domain/requests/letters.ts',
    'functions/domain/requests/notices.ts',
    'functions/domain/requests/annual-report.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
