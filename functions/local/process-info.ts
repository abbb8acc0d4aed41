import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What we can learn about another process by its pid, on Linux from /proc and on macOS (and other
 * Unix-likes) from ps. Windows answers undefined: callers then do not act on the pid.
 */

/** Running, and not a zombie: a killed child whose parent is gone may linger as one until init reaps it, and a zombie holds no files or ports. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/** The process's command line, arguments joined with spaces (as ps prints it), or undefined when it cannot be read. */
export function commandLineOf(pid: number): string | undefined {
  if (process.platform === 'linux') {
    const raw = readOrUndefined(`/proc/${pid}/cmdline`);
    return raw ? raw.split('\0').filter(Boolean).join(' ') : undefined;
  }
  if (process.platform === 'win32') return undefined;
  return psField(pid, 'command');
}

/** The pid of the process's current parent (1 or a subreaper once its parent died). */
export function parentPidOf(pid: number): number | undefined {
  if (process.platform === 'linux') {
    const stat = readOrUndefined(`/proc/${pid}/stat`);
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the last ")".
    const ppid = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    return ppid ? Number(ppid) : undefined;
  }
  if (process.platform === 'win32') return undefined;
  const ppid = psField(pid, 'ppid');
  return ppid ? Number(ppid) : undefined;
}

function processState(pid: number): string | undefined {
  if (process.platform === 'linux') {
    const stat = readOrUndefined(`/proc/${pid}/stat`);
    return stat?.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  }
  if (process.platform === 'win32') return undefined;
  return psField(pid, 'stat')?.charAt(0);
}

function psField(pid: number, field: string): string | undefined {
  const result = spawnSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' });
  const value = result.status === 0 ? result.stdout.trim() : '';
  return value || undefined;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Sends SIGTERM, then SIGKILL if the process is still there after `graceMs`; resolves once it is gone (or after a last grace period). */
export async function terminate(pid: number, graceMs = 5000): Promise<boolean> {
  signal(pid, 'SIGTERM');
  if (await waitUntilGone(pid, graceMs)) return true;
  signal(pid, 'SIGKILL');
  return waitUntilGone(pid, 2000);
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
