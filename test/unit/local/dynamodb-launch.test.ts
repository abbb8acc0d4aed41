import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allInterfacesWarning, canRunSourceFiles, dynamoLaunchPlan } from '#local/dynamodb-launch';

/** Which way DynamoDB Local is started, depending on what the Java runtime can do. */
describe.skipIf(process.platform === 'win32')('DynamoDB Local launch plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-java-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A stand-in `java` that lists these modules (a jlink-made JRE lists no jdk.compiler). */
  function fakeJava(name: string, modules: string[]): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n[ "$1" = "--list-modules" ] && printf '%s\\n' ${modules.map((m) => `'${m}'`).join(' ')}\nexit 0\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('runs the loopback launcher (with the parent watchdog) when the runtime has jdk.compiler', () => {
    const java = fakeJava('full-jdk', ['java.base@17.0.15', 'java.compiler@17.0.15', 'jdk.compiler@17.0.15']);
    const plan = dynamoLaunchPlan({ port: 8123, dbPath: '/data/dynamodb', java });
    expect(plan).toEqual(expect.objectContaining({ command: java, binding: 'loopback', exitsWithParent: true }));
    expect(plan.args).toContain('-Dportal.exitWithParent=true');
    expect(plan.args.some((arg) => arg.endsWith('DynamoDBLocalLoopback.java'))).toBe(true);
    expect(plan.args.slice(-5)).toEqual(['-dbPath', '/data/dynamodb', '-port', '8123', '-sharedDb']);
  });

  it("falls back to DynamoDB Local's own main class (all interfaces) without jdk.compiler", () => {
    // java.compiler is only the API module; the source launcher needs jdk.compiler.
    const java = fakeJava('legacy-jre', ['java.base@17.0.15', 'java.compiler@17.0.15', 'jdk.unsupported@17.0.15']);
    expect(canRunSourceFiles(java)).toBe(false);
    const plan = dynamoLaunchPlan({ port: 8123, java });
    expect(plan).toEqual(expect.objectContaining({ binding: 'all-interfaces', exitsWithParent: false }));
    expect(plan.args).toContain('-jar');
    expect(plan.args.slice(-4)).toEqual(['-inMemory', '-port', '8123', '-sharedDb']);
  });

  it('can be told to use the fallback whatever the runtime', () => {
    const java = fakeJava('forced', ['jdk.compiler@17.0.15']);
    expect(dynamoLaunchPlan({ port: 8123, java, launcher: 'upstream-jar' }).binding).toBe('all-interfaces');
  });

  it('warns in both languages, naming the port', () => {
    const warning = allInterfacesWarning('http://127.0.0.1:8123');
    expect(warning).toContain('ALL network interfaces (port 8123)');
    expect(warning).toContain('监听所有网络接口（端口 8123）');
  });
});
