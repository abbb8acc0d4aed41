import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalModeError } from './local-mode-error';
import { commandLineOf, isProcessAlive, parentPidOf, terminate } from './process-info';

/**
 * `.data/dynamodb.pid`: which Java process holds the database files of a data folder. Written when
 * DynamoDB Local starts and removed when it exits; if the portal is killed before it can remove
 * it, the next start finds the Java process it names, makes sure it really is that DynamoDB Local
 * (its command line names DynamoDBLocal and the same -dbPath, so a recycled pid is never killed)
 * and stops it before opening the files again.
 */
export interface DynamoPidRecord {
  pid: number;
  /** The Node process that started it: while that is still its parent, it is in use, not stale. */
  parentPid: number;
  dbPath: string;
  port: number;
  startedAt: string;
}

export type StaleCheck =
  | { outcome: 'none' } // no pid file, or its process is gone
  | { outcome: 'stopped'; record: DynamoPidRecord } // a stale DynamoDB Local was stopped
  | { outcome: 'not-ours'; record: DynamoPidRecord } // the pid now belongs to something else: left alone
  | { outcome: 'unverifiable'; record: DynamoPidRecord }; // alive, but this platform cannot tell what it is (Windows)

export const dynamoPidFile = (dataDir: string) => join(dataDir, 'dynamodb.pid');

export function writeDynamoPidFile(file: string, record: DynamoPidRecord): void {
  writeFileSync(file, JSON.stringify(record));
}

/** Removes the file only if it still names `pid` (a newer child may have replaced it). */
export function removeDynamoPidFile(file: string, pid: number): void {
  if (readDynamoPidFile(file)?.pid === pid) rmSync(file, { force: true });
}

export function readDynamoPidFile(file: string): DynamoPidRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<DynamoPidRecord>;
    return typeof record.pid === 'number' && typeof record.dbPath === 'string' ? (record as DynamoPidRecord) : undefined;
  } catch {
    return undefined;
  }
}

export class DataDirInUseError extends LocalModeError {
  override name = 'DataDirInUseError';
  constructor(record: DynamoPidRecord) {
    super(
      [
        `Another portal (process ${record.parentPid}) is already running on this data folder: its DynamoDB Local (process ${record.pid}) holds ${record.dbPath}.`,
        '另一个门户进程正在使用同一个数据目录，不能同时启动两个。',
        'Stop it first (Ctrl+C in its terminal), or give this one its own folder: DATA_DIR=/some/other/folder npm start',
      ].join('\n'),
    );
  }
}

/**
 * Before starting DynamoDB Local on `dbPath`: stops a DynamoDB Local that a killed portal left
 * behind on the same files. Throws DataDirInUseError if the portal that started it is still
 * running (its parent is unchanged), because then it is not stale.
 */
export async function stopStaleDynamo(file: string, dbPath: string): Promise<StaleCheck> {
  const record = readDynamoPidFile(file);
  if (!record || !isProcessAlive(record.pid)) {
    rmSync(file, { force: true });
    return { outcome: 'none' };
  }
  const commandLine = commandLineOf(record.pid);
  if (!commandLine) return { outcome: 'unverifiable', record };
  if (!isDynamoDbLocalOn(commandLine, dbPath)) {
    rmSync(file, { force: true });
    return { outcome: 'not-ours', record };
  }
  if (parentPidOf(record.pid) === record.parentPid) throw new DataDirInUseError(record);
  await terminate(record.pid);
  rmSync(file, { force: true });
  return { outcome: 'stopped', record };
}

/** Our launch always puts other options after -dbPath, so the path is followed by a space (paths may contain spaces themselves). */
function isDynamoDbLocalOn(commandLine: string, dbPath: string): boolean {
  return commandLine.includes('DynamoDBLocal') && `${commandLine} `.includes(` -dbPath ${dbPath} `);
}
