import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, localDynamoClient } from '#local/emulators';
import { readDynamoPidFile } from '#local/dynamodb-pid-file';
import { LOCAL_TABLE, readRunningEndpoints } from '#local/local-runtime';
import { isProcessAlive, waitUntilGone } from '#local/process-info';

/**
 * A portal killed without warning (crash, kill -9) must not leave DynamoDB Local running on
 * .data/: the next start would open the same database files a second time. These run the real
 * thing as separate processes and kill them with SIGKILL, so no cleanup code of theirs runs.
 */
const root = join(import.meta.dirname, '../../..');
const START = join(root, 'functions/local/start.ts');
const EMULATORS_ONLY = join(import.meta.dirname, 'fixtures/emulators-process.ts');

describe.skipIf(process.platform === 'win32')('no orphaned DynamoDB Local', () => {
  const dataDirs: string[] = [];
  const processes: ChildProcess[] = [];
  const javaPids: number[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-orphan-'));
    dataDirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of processes.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of javaPids.splice(0)) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  });
  afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function run(script: string, env: Record<string, string>): Running {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', script], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    return new Running(child);
  }

  function javaOf(dataDir: string): number {
    const pid = readDynamoPidFile(join(dataDir, 'dynamodb.pid'))?.pid;
    expect(pid, 'dynamodb.pid names the Java child').toBeTypeOf('number');
    javaPids.push(pid!);
    return pid!;
  }

  it('npm start killed with kill -9 takes DynamoDB Local with it; the next start works on the same data', async () => {
    const dataDir = newDataDir();
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };

    const first = run(START, env);
    await first.waitFor(/is running: http/);
    const java = javaOf(dataDir);
    expect(isProcessAlive(java)).toBe(true);
    await putMarker(readRunningEndpoints(dataDir)!.dynamodbEndpoint);

    first.child.kill('SIGKILL');
    expect(await waitUntilGone(java, 10_000), `java ${java} outlived its portal`).toBe(true);

    const second = run(START, env);
    await second.waitFor(/is running: http/);
    expect(await readMarker(readRunningEndpoints(dataDir)!.dynamodbEndpoint)).toBe('still here');

    // And the orderly way out: Ctrl+C's signal stops Java and cleans up behind it.
    const secondJava = javaOf(dataDir);
    second.child.kill('SIGINT');
    expect(await second.exitCode(20_000)).toBe(0);
    expect(isProcessAlive(secondJava)).toBe(false);
    expect(existsSync(join(dataDir, 'dynamodb.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'running.json'))).toBe(false);
  }, 120_000);

  it('a DynamoDB Local orphaned under the fallback launcher (no watchdog) is stopped by the next start', async () => {
    const dataDir = newDataDir();

    const first = run(EMULATORS_ONLY, { DATA_DIR: dataDir, LAUNCHER: 'upstream-jar' });
    const ready = JSON.parse((await first.waitFor(/^READY (.*)$/m))[1]!) as { dynamodbEndpoint: string; binding: string; pid: number };
    expect(ready.binding).toBe('all-interfaces');
    expect(first.output()).toContain('DynamoDB Local listens on all network interfaces');
    await putMarker(ready.dynamodbEndpoint);
    const orphan = javaOf(dataDir);
    first.child.kill('SIGKILL');
    await first.exitCode(10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(isProcessAlive(orphan), 'precondition: the fallback leaves Java running').toBe(true);

    const second = run(EMULATORS_ONLY, { DATA_DIR: dataDir });
    const secondReady = JSON.parse((await second.waitFor(/^READY (.*)$/m))[1]!) as { dynamodbEndpoint: string; binding: string };
    expect(second.output()).toContain('stopped a DynamoDB Local left running by an earlier start');
    expect(isProcessAlive(orphan)).toBe(false);
    expect(secondReady.binding).toBe('loopback');
    expect(await readMarker(secondReady.dynamodbEndpoint)).toBe('still here');

    // The loopback launcher's watchdog: this one goes with its parent.
    const java = javaOf(dataDir);
    second.child.kill('SIGKILL');
    expect(await waitUntilGone(java, 10_000), `java ${java} outlived its parent`).toBe(true);
  }, 120_000);
});

/** A child process whose stdout and stderr are collected, so tests can wait for a line. */
class Running {
  private text = '';
  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.text += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.text += chunk));
  }

  output(): string {
    return this.text;
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.text.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null || this.child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`no ${pattern} from the child (exit ${this.child.exitCode ?? this.child.signalCode}); it said:\n${this.text.slice(-3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async exitCode(timeoutMs: number): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${this.text.slice(-3000)}`)), timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }
}

const markerKey = { PK: { S: 'TEST#orphan' }, SK: { S: 'marker' } };

async function putMarker(endpoint: string): Promise<void> {
  await localDynamoClient(endpoint).send(new PutItemCommand({ TableName: LOCAL_TABLE, Item: { ...markerKey, note: { S: 'still here' } } }));
}

async function readMarker(endpoint: string): Promise<string | undefined> {
  const { Item } = await localDynamoClient(endpoint).send(new GetItemCommand({ TableName: LOCAL_TABLE, Key: markerKey }));
  return Item?.note?.S;
}
