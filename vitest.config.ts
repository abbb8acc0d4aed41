import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The `#domain/…`-style aliases, declared once in tsconfig.json (tsc, tsx and esbuild read them there). */
const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')) as { compilerOptions: { paths: Record<string, [string]> } };
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([from, [to]]) => ({
  find: new RegExp(`^${from.replace('/*', '/')}`),
  replacement: fileURLToPath(new URL(to.replace('*', ''), import.meta.url)),
}));

/**
 * Test tiers (docs/architecture.md):
 * - unit: pure code and the Hono app over in-memory fakes; fast, no network.
 * - tz: the date-sensitive unit tests again under two more server time zones.
 * - integration: real adapters against DynamoDB Local and s3rver, started once per run.
 * - infra: CDK template assertions and cdk-nag.
 * - browser: journeys in Debian's chromium against the local server.
 */
const timeZoneSensitive = ['test/unit/domain/calendar/**/*.test.ts', 'test/unit/domain/deadlines/**/*.test.ts', 'test/unit/domain/clarifications/**/*.test.ts'];

export default defineConfig({
  resolve: { alias },
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
