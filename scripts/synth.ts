/**
 * `npm run synth`: synthesize every stack into cdk.out offline. Needs no AWS credentials (the
 * stacks are account-agnostic), no network and no docker (functions bundle with the local esbuild).
 * Extra arguments go to `cdk synth`, e.g. `npm run synth -- -c stage=prod`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cdkCli = join(dirname(require.resolve('aws-cdk/package.json')), 'bin', 'cdk');

// Start clean: CDK never removes stale assets from earlier synths.
rmSync(join(root, 'cdk.out'), { recursive: true, force: true });

const started = Date.now();
const result = spawnSync(process.execPath, [cdkCli, 'synth', '--quiet', '--no-notices', '--no-version-reporting', '--output', 'cdk.out', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    // Region lookups and the like must never reach AWS from a synth.
    AWS_EC2_METADATA_DISABLED: 'true',
  },
});

if (result.error) throw result.error;
if (result.status === 0) console.log(`cdk synth: cdk.out written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
