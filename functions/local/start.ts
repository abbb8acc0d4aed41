import { resolve } from 'node:path';
import { runScheduledJobs } from '#application/scheduled-jobs';
import { runReleaseSweep } from '#application/effects/reconcile';
import { seedDemoCatalogue } from '#application/demo-catalogue';
import { DEMO_ACCOUNTS } from '#application/demo-data';
import { ROLE_LABELS } from '#domain/staff';
import { createLogger, type LogLevel } from '#observability/logger';
import { allInterfacesWarning } from './dynamodb-launch';
import { startEmulators } from './emulators';
import { clearRunningEndpoints, createLocalDependencies, writeRunningEndpoints } from './local-runtime';
import { LocalModeError } from './local-mode-error';
import { startServer } from './server';
import { handleProcessExit } from './shutdown';

/**
 * `npm start`: DynamoDB Local + s3rver persisted under .data/, the table and buckets created when
 * missing, demo data seeded once, the app on http://localhost:3000 (PORT overrides), and the
 * scheduled jobs on a timer.
 */
const DATA_DIR = resolve(process.env.DATA_DIR ?? '.data');
const PORT = Number(process.env.PORT ?? 3000);
const HOUR = 60 * 60 * 1000;
const EFFECTS_POLL_MS = 5_000;

async function main(): Promise<void> {
  const started = Date.now();
  const shutdown = handleProcessExit();
  const logger = createLogger((process.env.LOG_LEVEL as LogLevel) ?? 'info', { component: 'local-emulators' });
  // DynamoDB Local is restarted when it dies; if it keeps dying, the portal stops with fail's message.
  const emulators = await startEmulators({ dataDir: DATA_DIR, restartOnExit: true, onFatal: fail, logger });
  shutdown.onStop(() => emulators.stop());
  if (emulators.dynamodbBinding !== 'loopback') process.stderr.write(`\n${allInterfacesWarning(emulators.dynamodbEndpoint)}\n\n`);
  const baseUrl = `http://localhost:${PORT}`;
  const { deps } = await createLocalDependencies(emulators, { dataDir: DATA_DIR, baseUrl, logLevel: (process.env.LOG_LEVEL as 'info') ?? 'info' });
  // Demo catalogue items, published through the real review workflow (once; not in tests).
  const items = await seedDemoCatalogue(deps);
  if (items.length) deps.logger.info('demo catalogue seeded', { items: items.length });
  const server = await startServer(deps, PORT, process.env.HOST ?? 'localhost');
  shutdown.onStop(() => server.close());
  writeRunningEndpoints(DATA_DIR, { ...emulators, pid: process.pid });
  shutdown.onStop(() => clearRunningEndpoints(DATA_DIR));

  const sweep = async () => {
    await runScheduledJobs(deps).catch((error: unknown) => deps.logger.error('scheduled jobs failed', { error }));
    await runReleaseSweep(deps, { olderThanMs: 0 }).catch((error: unknown) => deps.logger.error('release sweep failed', { error }));
  };
  await sweep();
  const timer = setInterval(sweep, HOUR);
  // Effects are applied right after each commit; this catches the ones waiting for a retry.
  const effectsTimer = setInterval(() => void deps.effects?.kick(), EFFECTS_POLL_MS);
  shutdown.onStop(() => {
    clearInterval(timer);
    clearInterval(effectsTimer);
  });

  const accounts = DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(10)} ${a.password.padEnd(15)} ${a.roles.map((r) => ROLE_LABELS[r]).join('、')}`).join('\n');
  process.stdout.write(
    [
      '',
      `  政府信息公开平台 (local mode) is running: ${baseUrl}`,
      `  Staff sign-in: ${baseUrl}/login — demo accounts (username / password / role):`,
      accounts,
      `  Data: ${DATA_DIR} (npm run reset wipes it) · DynamoDB Local ${emulators.dynamodbEndpoint} · S3 ${emulators.s3Endpoint}`,
      `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`,
      '',
    ].join('\n') + '\n',
  );
}

/** Exiting also stops DynamoDB Local (its 'exit' listener), whatever state start-up reached. */
function fail(error: unknown): never {
  if (error instanceof LocalModeError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`\nThe portal could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
}

main().catch(fail);
