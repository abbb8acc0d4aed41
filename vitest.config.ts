import { defineConfig } from 'vitest/config';

/**
 * Test tiers (docs/architecture.md):
 * - unit: pure code and the Hono app over in-memory fakes; fast, no network.
 * - tz: the date-sensitive unit tests again under two more server time zones.
 * - integration: real adapters against DynamoDB Local and s3rver, started once per run.
 * - infra: CDK template assertions and cdk-nag.
 * - browser: journeys in Debian's chromium against the local server.
 */
const timeZoneSensitive = ['test/unit/domain/calendar/**/*.test.ts', 'test/unit/domain/deadlines/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], env: { TZ: 'UTC' } },
      },
      ...['Asia/Shanghai', 'America/Los_Angeles'].map((tz) => ({
        extends: true as const,
        test: { name: `tz:${tz}`, include: timeZoneSensitive, env: { TZ: tz } },
      })),
      {
        extends: true as const,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/support/emulators.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true as const,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/emulators.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
