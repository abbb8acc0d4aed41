import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config';

/**
 * The tests Stryker runs against each mutant: the domain's unit tests only (pure, fast). The code
 * under mutation computes legal outcomes, and these are the tests that must notice a change in it.
 * The purity check is left out: it reads the source, which Stryker's instrumentation rewrites.
 */
export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({ test: { include: ['test/unit/domain/**/*.test.ts'], exclude: ['test/unit/domain/calendar/iso-date.test.ts'], env: { TZ: 'UTC' } } }),
);
