import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PDF_FONT_PACKAGE_PATH } from '#adapters/documents/pdf-font';
import { acknowledge, acknowledgeWildcardResource } from './nag';
import { fromRoot, repoRoot } from './paths';

/** `require` for CommonJS dependencies inside an ESM bundle: ESM has none, so provide it. */
const ESM_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Document extraction runs in a worker thread, which loads its entry from a file: it is bundled
 * as a second entry point, with the handler's options, to `extraction-worker.mjs` next to the
 * handler (where functions/adapters/extraction/pool.ts looks for it). Local bundling runs in the
 * project root, where esbuild is installed (a devDependency).
 */
export function extractionWorkerBundling(inputDir: string, outputDir: string): string {
  return [
    `"${inputDir}/node_modules/.bin/esbuild"`,
    `"${inputDir}/functions/adapters/extraction/worker.ts"`,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node22',
    '--main-fields=module,main',
    '--minify',
    '--sourcemap',
    '--sources-content=false',
    `--tsconfig="${inputDir}/tsconfig.json"`,
    `--banner:js="${ESM_BANNER}"`,
    `--outfile="${outputDir}/extraction-worker.mjs"`,
  ].join(' ');
}

/**
 * The font the PDF writer embeds (functions/adapters/documents/pdf-writer.ts), copied from its npm
 * package to `fonts/` next to the handler, where the writer looks for it once bundled.
 */
export function documentFontBundling(inputDir: string, outputDir: string): string {
  return `mkdir -p "${outputDir}/fonts" && cp "${inputDir}/node_modules/${PDF_FONT_PACKAGE_PATH}" "${outputDir}/fonts/"`;
}

export interface AppFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/handlers/http.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly logRetention: RetentionDays;
  readonly environment?: Record<string, string>;
  /** @default 512 MB: PDF/DOCX handling in the HTTP and release functions needs headroom. */
  readonly memorySize?: number;
  /** @default 29 s: just under API Gateway's integration timeout. */
  readonly timeout?: Duration;
  /** Repository-relative folder copied next to the bundle as `static/` (the web app serves it). */
  readonly staticAssets?: string;
  /** Carries the PDF writer's font (15 MB): for the function that renders signed documents. */
  readonly documentFont?: boolean;
}

/**
 * NodejsFunction with the project's defaults baked in: Node 22 on ARM64, ESM bundle built by the
 * local esbuild (never docker), source maps, X-Ray tracing, its own log group with retention and
 * a role that may write only to that log group (no AWS managed policies).
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(
    scope: Construct,
    id: string,
    readonly props: AppFunctionProps,
  ) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs of a government service are records; keep them if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromRoot(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(29),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup,
      projectRoot: repoRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // Bundle our pinned SDK version instead of the runtime's, so cloud and tests run the same code.
        bundleAwsSDK: true,
        banner: ESM_BANNER,
        tsconfig: fromRoot('tsconfig.json'),
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            extractionWorkerBundling(inputDir, outputDir),
            ...(props.staticAssets ? [`cp -R "${inputDir}/${props.staticAssets}" "${outputDir}/static"`] : []),
            ...(props.documentFont ? [documentFontBundling(inputDir, outputDir)] : []),
          ],
        },
      },
    });

    // Tracing.ACTIVE adds xray:PutTraceSegments/PutTelemetryRecords on "*" to the role's policy.
    acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by Tracing.ACTIVE).');
    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Node.js 22 is a supported Lambda runtime (maintained into 2027) and matches the toolchain pinned for it (middy 6, vitest 4); move to 24 together with the toolchain.',
    );
  }

  /** Data-plane access to the table and all its indexes. */
  bindTable(table: ITable, access: 'RO' | 'RW'): void {
    if (access === 'RW') table.grantReadWriteData(this.role);
    else table.grantReadData(this.role);
    acknowledgeWildcardResource(this.role, `${table.tableArn}/index/*`, 'Single-table design: access patterns query the GSIs of this one table (ARN/index/*), nothing else.');
  }

  /**
   * Object access under one key prefix, with explicit actions instead of CDK's wildcard grants
   * (s3:GetObject*, s3:Abort*, ...), so the policy says exactly what the function can do.
   */
  bindBucket(bucket: IBucket, access: 'read' | 'readwrite' | 'write', keyPattern = '*'): void {
    const actions: string[] = [];
    if (access !== 'write') actions.push('s3:GetObject');
    if (access !== 'read') actions.push('s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload');
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects(keyPattern)] }));
    if (access !== 'write') {
      // Without ListBucket a missing key reads as 403 instead of 404.
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    }
    acknowledgeWildcardResource(this.role, bucket.arnForObjects(keyPattern), `Object keys are generated per document at run time; access is limited to ${access} under ${keyPattern} of this bucket.`);
  }

  addToRolePolicy(statement: PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }
}
