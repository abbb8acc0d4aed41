import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { localDynamoClient, startEmulators, type Emulators } from '#local/emulators';
import type { DynamoExit } from '#local/dynamodb-local';

/**
 * DynamoDB Local is a child process and can die under the portal. Local mode must notice
 * (dynamodbAlive goes false, so health can go red), restart it on the same port when asked to,
 * and give up with a clear message when it keeps dying, instead of failing every request.
 */
describe('DynamoDB Local dying under local mode', () => {
  let emulators: Emulators | undefined;
  afterEach(async () => {
    await emulators?.stop();
    emulators = undefined;
  });

  it('stays down when restartOnExit is off (the default), until restartDynamo(), on the same endpoint', async () => {
    emulators = await startEmulators({ logger: quietLogger() });
    const exits = recordExits(emulators);
    const firstPid = emulators.dynamodbPid()!;
    expect(emulators.dynamodbAlive()).toBe(true);

    process.kill(firstPid, 'SIGKILL');
    await until(() => !emulators!.dynamodbAlive(), 'dynamodbAlive() to turn false');
    expect(exits).toEqual([expect.objectContaining({ pid: firstPid, signal: 'SIGKILL', expected: false, willRestart: false })]);

    await new Promise((resolve) => setTimeout(resolve, 2000)); // nothing restarts it behind our back
    expect(emulators.dynamodbAlive()).toBe(false);
    expect(emulators.dynamodbPid()).toBeUndefined();

    await emulators.restartDynamo();
    expect(emulators.dynamodbAlive()).toBe(true);
    expect(emulators.dynamodbPid()).not.toBe(firstPid);
    await expect(localDynamoClient(emulators.dynamodbEndpoint).send(new ListTablesCommand({}))).resolves.toBeDefined();
  }, 60_000);

  it('restarts automatically on the same port, then gives up when it keeps dying within a minute', async () => {
    const fatal: Error[] = [];
    const logged: string[] = [];
    emulators = await startEmulators({
      restartOnExit: true,
      restartPolicy: { maxRestartsPerMinute: 1, firstDelayMs: 100 },
      onFatal: (error) => fatal.push(error),
      logger: quietLogger(logged),
    });
    const exits = recordExits(emulators);
    const { dynamodbEndpoint } = emulators;
    const client = localDynamoClient(dynamodbEndpoint);
    const firstPid = emulators.dynamodbPid()!;

    process.kill(firstPid, 'SIGKILL');
    await until(() => exits.length === 1, 'the exit to be reported');
    expect(exits[0]).toEqual(expect.objectContaining({ pid: firstPid, expected: false, willRestart: true }));
    await until(() => emulators!.dynamodbAlive(), 'DynamoDB Local to be back', 45_000);
    const secondPid = emulators.dynamodbPid()!;
    expect(secondPid).not.toBe(firstPid);
    expect(emulators.dynamodbEndpoint).toBe(dynamodbEndpoint);
    // The same client, unchanged, works again.
    await client.send(
      new CreateTableCommand({
        TableName: 'after-restart',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      }),
    );
    expect((await client.send(new ListTablesCommand({}))).TableNames).toContain('after-restart');
    expect(logged.join('\n')).toMatch(/exited unexpectedly; restarting it on the same port[\s\S]*restarted/);

    process.kill(secondPid, 'SIGKILL'); // a second exit within the minute, with only one restart allowed
    await until(() => fatal.length === 1, 'onFatal to be called');
    expect(exits[1]).toEqual(expect.objectContaining({ pid: secondPid, willRestart: false }));
    expect(fatal[0]!.message).toContain('stopped 2 times within a minute');
    expect(fatal[0]!.message).toContain('一分钟内意外退出 2 次');
    expect(emulators.dynamodbAlive()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(emulators.dynamodbPid()).toBeUndefined();
  }, 90_000);
});

function recordExits(emulators: Emulators): DynamoExit[] {
  const exits: DynamoExit[] = [];
  emulators.onDynamoExit((exit) => exits.push(exit));
  return exits;
}

function quietLogger(lines: string[] = []) {
  const log = (message: string) => void lines.push(message);
  return { info: log, warn: log, error: log };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
