/**
 * npm start's exit paths. Node's default for SIGINT, SIGTERM and SIGHUP is to die at once without
 * running 'exit' listeners, and an uncaught exception skips whatever cleanup the code had planned;
 * either way DynamoDB Local would be left running on .data/. Here signals stop the portal in
 * order (newest step first) and then exit; errors nobody caught are printed and exit(1). Every
 * path ends in process.exit, whose 'exit' event makes DynamoDBLocal signal its child (see
 * dynamodb-local.ts), so even a cleanup that hangs or throws cannot leave Java behind.
 */
export interface Shutdown {
  /** A step to run on SIGINT/SIGTERM/SIGHUP before exiting; the last added runs first. */
  onStop(step: () => unknown): void;
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function handleProcessExit(options: { graceMs?: number; write?: (text: string) => void } = {}): Shutdown {
  const graceMs = options.graceMs ?? 10_000;
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const steps: Array<() => unknown> = [];
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      write(`\n${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    // A step that never settles must not keep the portal from exiting.
    setTimeout(() => {
      write(`\nStopping took longer than ${graceMs / 1000} s; exiting anyway.\n`);
      process.exit(1);
    }, graceMs).unref();
    let failed = false;
    for (const step of [...steps].reverse()) {
      try {
        await step();
      } catch (error) {
        failed = true;
        write(`\nWhile stopping: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => void stop(signal));

  const crash = (kind: string) => (error: unknown) => {
    write(`\nThe portal stopped on an ${kind}: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));

  return { onStop: (step) => steps.push(step) };
}
