import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Logger } from '#observability/logger';
import { dynamoLaunchPlan, type DynamoBinding, type DynamoLauncher, type DynamoLaunchPlan } from './dynamodb-launch';
import { removeDynamoPidFile, writeDynamoPidFile } from './dynamodb-pid-file';
import { LocalModeError } from './local-mode-error';

export type LocalLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface DynamoExit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it; false when it died on its own or was killed by someone else. */
  expected: boolean;
  /** True when an automatic restart has been scheduled. */
  willRestart: boolean;
}

export interface DynamoReady {
  pid: number;
  /** Automatic and manual restarts since the first start. */
  restarts: number;
}

export interface RestartPolicy {
  /** One more exit after this many automatic restarts within a minute, and we give up. */
  maxRestartsPerMinute: number;
  /** Wait before the first restart; doubled for each further restart within the minute. */
  firstDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_POLICY: RestartPolicy = { maxRestartsPerMinute: 3, firstDelayMs: 1000, maxDelayMs: 10_000 };
const MINUTE = 60_000;
const READY_TIMEOUT_MS = 60_000;
const STDERR_LINES_KEPT = 20;

export interface DynamoDBLocalOptions {
  port: number;
  /** Database folder; in memory when absent. */
  dbPath?: string;
  /** Where to record the child's pid (see dynamodb-pid-file.ts); only with dbPath. */
  pidFile?: string;
  launcher?: DynamoLauncher;
  restartOnExit: boolean;
  restartPolicy?: Partial<RestartPolicy>;
  logger: LocalLogger;
  /** Called once when restarts are given up; npm start prints the message and exits. */
  onFatal?: (error: DynamoDBLocalCrashLoopError) => void;
}

export class DynamoDBLocalCrashLoopError extends LocalModeError {
  override name = 'DynamoDBLocalCrashLoopError';
  constructor(exits: number, lastOutput: string[]) {
    super(
      [
        `DynamoDB Local (the local database) stopped ${exits} times within a minute, so the portal is stopping.`,
        `本地数据库（DynamoDB Local）一分钟内意外退出 ${exits} 次，门户已停止运行。`,
        ...(lastOutput.length ? ['Its last output / 最后的输出:', ...lastOutput.map((line) => `  ${line}`)] : []),
        'Check free memory and disk space and that .data/dynamodb is writable, then run `npm start` again.',
        '请检查内存、磁盘空间以及 .data/dynamodb 是否可写，然后重新运行 `npm start`。',
      ].join('\n'),
    );
  }
}

/**
 * DynamoDB Local as a supervised child process on a fixed port: clients keep their endpoint
 * across restarts. While it is down (crashed, restarting, or killed by a fault test) alive() is
 * false, so health checks can say so. With restartOnExit it is started again after a backoff,
 * until it has died too often within a minute; without, it stays down until restart().
 */
export class DynamoDBLocal {
  readonly endpoint: string;
  readonly binding: DynamoBinding;
  private readonly plan: DynamoLaunchPlan;
  private readonly policy: RestartPolicy;
  private readonly events = new EventEmitter();
  private child: ChildProcess | undefined;
  private ready = false;
  private everReady = false;
  private stopped = false;
  private restarts = 0;
  private recentRestarts: number[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private lastOutput: string[] = [];
  /** Node runs only synchronous code once it is exiting: a signal is all we can send, and enough. */
  private readonly killOnProcessExit = () => this.child?.kill('SIGTERM');

  constructor(private readonly options: DynamoDBLocalOptions) {
    this.endpoint = `http://127.0.0.1:${options.port}`;
    this.plan = dynamoLaunchPlan({ port: options.port, dbPath: options.dbPath, launcher: options.launcher });
    this.binding = this.plan.binding;
    this.policy = { ...DEFAULT_POLICY, ...options.restartPolicy };
  }

  alive(): boolean {
    return this.ready;
  }

  pid(): number | undefined {
    return this.child?.pid;
  }

  onExit(listener: (exit: DynamoExit) => void): () => void {
    this.events.on('exit', listener);
    return () => this.events.off('exit', listener);
  }

  onReady(listener: (ready: DynamoReady) => void): () => void {
    this.events.on('ready', listener);
    return () => this.events.off('ready', listener);
  }

  /** Spawns the child and resolves once it answers; rejects (and leaves no process behind) if it exits first or does not answer within a minute. */
  async start(): Promise<void> {
    if (this.stopped) throw new Error('DynamoDB Local was stopped');
    if (this.child) return this.untilReady();
    const child = this.spawnChild();
    await this.waitUntilAnswering(child);
    this.ready = true;
    this.everReady = true;
    this.events.emit('ready', { pid: child.pid!, restarts: this.restarts } satisfies DynamoReady);
  }

  /** Starts it again on the same port after it died (for restartOnExit: false, or after giving up); does nothing while it runs. */
  async restart(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.recentRestarts = [];
    if (!this.child) this.restarts += 1;
    await this.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      if (!(await within(exited, 5000))) {
        child.kill('SIGKILL');
        await within(exited, 2000);
      }
    }
    process.off('exit', this.killOnProcessExit);
  }

  private spawnChild(): ChildProcess {
    // stdin is a pipe we never write to: the loopback launcher exits when it closes, which the
    // kernel does whenever this process ends, even on kill -9.
    const child = spawn(this.plan.command, this.plan.args, { cwd: this.plan.cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    this.child = child;
    this.lastOutput = [];
    child.stdin?.on('error', () => {}); // EPIPE once it has exited; nothing to do
    child.stderr?.setEncoding('utf8').on('data', (text: string) => this.keepOutput(text));
    let exited = false;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (exited) return;
      exited = true;
      this.handleExit(child, code, signal);
    };
    child.once('exit', onExit);
    child.once('error', (error) => {
      this.keepOutput(error.message);
      if (child.pid === undefined) onExit(null, null); // could not be spawned at all: no 'exit' follows
    });
    if (child.pid !== undefined && this.options.pidFile && this.options.dbPath) {
      writeDynamoPidFile(this.options.pidFile, {
        pid: child.pid,
        parentPid: process.pid,
        dbPath: this.options.dbPath,
        port: this.options.port,
        startedAt: new Date().toISOString(),
      });
    }
    process.off('exit', this.killOnProcessExit);
    process.on('exit', this.killOnProcessExit);
    return child;
  }

  private handleExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.ready = false;
    if (child.pid !== undefined && this.options.pidFile) removeDynamoPidFile(this.options.pidFile, child.pid);
    const expected = this.stopped;
    // Only once it has worked: a first start that fails is reported by start() instead.
    const shouldRestart = !expected && this.options.restartOnExit && this.everReady;
    const willRestart = shouldRestart && this.restartAllowed();
    const exit: DynamoExit = { pid: child.pid ?? -1, code, signal, expected, willRestart };
    if (!expected) this.logUnexpectedExit(exit);
    this.events.emit('exit', exit);
    if (willRestart) this.scheduleRestart();
    else if (shouldRestart) this.giveUp();
  }

  private logUnexpectedExit(exit: DynamoExit): void {
    const fields = { pid: exit.pid, code: exit.code, signal: exit.signal, port: this.options.port, lastOutput: this.lastOutput.slice(-5) };
    if (!this.everReady) this.options.logger.error('DynamoDB Local exited during start-up', fields);
    else if (exit.willRestart) this.options.logger.warn('DynamoDB Local exited unexpectedly; restarting it on the same port', fields);
    else if (!this.options.restartOnExit) this.options.logger.warn('DynamoDB Local exited unexpectedly; it stays down (restartOnExit is off) until restarted', fields);
    // Otherwise giveUp() says what happens next.
  }

  private restartAllowed(): boolean {
    const now = Date.now();
    this.recentRestarts = this.recentRestarts.filter((at) => now - at < MINUTE);
    return this.recentRestarts.length < this.policy.maxRestartsPerMinute;
  }

  private scheduleRestart(): void {
    this.recentRestarts.push(Date.now());
    const delay = Math.min(this.policy.firstDelayMs * 2 ** (this.recentRestarts.length - 1), this.policy.maxDelayMs);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts += 1;
      this.start().then(
        () => this.options.logger.info('DynamoDB Local restarted', { pid: this.child?.pid, port: this.options.port, restarts: this.restarts }),
        // If it exited, handleExit has already decided what comes next.
        (error: unknown) => this.stopped || this.options.logger.warn('DynamoDB Local restart failed', { error }),
      );
    }, delay);
  }

  private giveUp(): void {
    const error = new DynamoDBLocalCrashLoopError(this.recentRestarts.length + 1, this.lastOutput.slice(-10));
    this.options.logger.error('DynamoDB Local keeps exiting; giving up', { port: this.options.port, exits: this.recentRestarts.length + 1 });
    this.options.onFatal?.(error);
  }

  private keepOutput(text: string): void {
    const lines = text.split(/\r?\n/).filter((line) => line.trim());
    this.lastOutput = [...this.lastOutput, ...lines].slice(-STDERR_LINES_KEPT);
  }

  /** While another start() is under way: resolves with it. */
  private async untilReady(): Promise<void> {
    if (this.ready) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        offReady();
        offExit();
        outcome();
      };
      const offReady = this.onReady(() => settle(resolve));
      const offExit = this.onExit(() => settle(() => reject(new Error('DynamoDB Local exited during start-up'))));
    });
  }

  private async waitUntilAnswering(child: ChildProcess): Promise<void> {
    // One attempt per poll: the SDK's own retries would only slow the polling down.
    const client = new DynamoDBClient({ region: 'cn-north-1', endpoint: this.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    try {
      for (;;) {
        if (this.child !== child) throw new Error(`DynamoDB Local exited during start-up (is Java 17 installed? is .data/dynamodb writable?)${this.outputSuffix()}`);
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          if (this.child === child) return;
        } catch (error) {
          if (Date.now() > deadline) {
            child.kill('SIGKILL'); // never leave a hung child behind
            throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s: ${(error as Error).message}${this.outputSuffix()}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      client.destroy();
    }
  }

  private outputSuffix(): string {
    return this.lastOutput.length ? `\n${this.lastOutput.join('\n')}` : '';
  }
}

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
