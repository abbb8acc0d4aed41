import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, dynamoPidFile, stopStaleDynamo, writeDynamoPidFile, type DynamoPidRecord } from '#local/dynamodb-pid-file';
import { isProcessAlive, waitUntilGone } from '#local/process-info';

/**
 * What the next start does with .data/dynamodb.pid left by a portal that did not exit cleanly.
 * Stand-in processes play DynamoDB Local here: node with the same kind of command line (it names
 * DynamoDBLocal and -dbPath), which is what the check looks at, at a fraction of Java's cost.
 */
describe.skipIf(process.platform === 'win32')('stale DynamoDB Local from an earlier run', () => {
  let dataDir: string;
  let dbPath: string;
  let pidFile: string;
  const started: number[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-stale-'));
    dbPath = join(dataDir, 'dynamodb');
    pidFile = dynamoPidFile(dataDir);
  });
  afterEach(() => {
    for (const pid of started.splice(0)) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const record = (pid: number, parentPid: number): DynamoPidRecord => ({ pid, parentPid, dbPath, port: 1, startedAt: new Date().toISOString() });

  it('stops a DynamoDB Local whose portal is gone, and removes the pid file', async () => {
    const { pid, parentPid } = orphanedStandIn(['DynamoDBLocal.jar', '-dbPath', dbPath, '-port', '1', '-sharedDb']);
    started.push(pid);
    writeDynamoPidFile(pidFile, record(pid, parentPid));

    expect(await stopStaleDynamo(pidFile, dbPath)).toEqual({ outcome: 'stopped', record: expect.objectContaining({ pid }) });
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('refuses to start on a data folder whose portal is still running, and kills nothing', async () => {
    const child = spawnStandIn(['DynamoDBLocal.jar', '-dbPath', dbPath, '-port', '1', '-sharedDb']); // its parent: this process, alive
    started.push(child);
    writeDynamoPidFile(pidFile, record(child, process.pid));

    await expect(stopStaleDynamo(pidFile, dbPath)).rejects.toThrow(DataDirInUseError);
    await expect(stopStaleDynamo(pidFile, dbPath)).rejects.toThrow('另一个门户进程正在使用同一个数据目录');
    expect(isProcessAlive(child)).toBe(true);
  });

  it('leaves alone a process that reused the pid but is not DynamoDB Local on this folder', async () => {
    const other = orphanedStandIn(['DynamoDBLocal.jar', '-dbPath', join(dataDir, 'another-folder'), '-port', '1']);
    const unrelated = orphanedStandIn(['some-other-program']);
    started.push(other.pid, unrelated.pid);

    for (const { pid, parentPid } of [other, unrelated]) {
      writeDynamoPidFile(pidFile, record(pid, parentPid));
      expect(await stopStaleDynamo(pidFile, dbPath)).toEqual({ outcome: 'not-ours', record: expect.objectContaining({ pid }) });
      expect(isProcessAlive(pid)).toBe(true);
      expect(existsSync(pidFile)).toBe(false);
    }
  });

  it('forgets a pid file whose process is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeDynamoPidFile(pidFile, record(gone, 1));
    expect(await stopStaleDynamo(pidFile, dbPath)).toEqual({ outcome: 'none' });
    expect(existsSync(pidFile)).toBe(false);
  });

  it('counts a killed process as gone, even while it lingers as a zombie nobody has reaped', async () => {
    const { pid } = orphanedStandIn(['x']);
    process.kill(pid, 'SIGKILL');
    expect(await waitUntilGone(pid, 5000)).toBe(true);
  });
});

const STAND_IN = 'setInterval(() => {}, 1000)';

function spawnStandIn(args: string[]): number {
  const child = spawn(process.execPath, ['-e', STAND_IN, ...args], { stdio: 'ignore' });
  return child.pid!;
}

/** A stand-in whose parent (a shell) has already exited, as after `kill -9` of the portal. */
function orphanedStandIn(args: string[]): { pid: number; parentPid: number } {
  const shell = spawnSync('sh', ['-c', `"$0" -e '${STAND_IN}' "$@" >/dev/null 2>&1 & echo $!`, process.execPath, ...args], { encoding: 'utf8' });
  return { pid: Number(shell.stdout.trim()), parentPid: shell.pid! };
}
