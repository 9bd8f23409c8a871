import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTIONS } from './defaults.js';

/** Repository root: where package-lock.json lives and where esbuild resolves from. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of a handler module under infra/handlers/. */
export function handlerEntry(file: string): string {
  return fileURLToPath(new URL(`../handlers/${file}`, import.meta.url));
}

/** Async invocation settings: retries, maximum event age and where failed events go. */
export interface AsyncInvokeSettings {
  /** @default no destination */
  readonly onFailure?: IDestination;
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

/** Props of {@link DetectorFunction}. */
export interface DetectorFunctionProps {
  /** Absolute path of the handler module; it exports an async `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Retries and failure destination for asynchronous invocations.
   * @default Lambda's defaults (2 retries, 6 hours, no destination)
   */
  readonly asyncInvoke?: AsyncInvokeSettings;
  /**
   * How long the function's logs are kept.
   * @default FUNCTIONS.logRetention (3 months)
   */
  readonly logRetention?: RetentionDays;
  /**
   * Concurrent executions reserved (and so also capped) for the function.
   * @default none: the account's unreserved pool
   */
  readonly reservedConcurrency?: number;
}

/**
 * One detector Lambda with its own role and log group. The role starts empty: no AWS
 * managed policy, only log writes to this function's own group; the caller adds exactly
 * the other actions the handler performs. Bundled locally by esbuild as ESM for the
 * current Node runtime, with the AWS SDK left to the runtime.
 */
export class DetectorFunction extends Construct {
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: DetectorFunctionProps) {
    super(scope, id);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the trailwatch ${id} function`,
    });
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? FUNCTIONS.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Resource', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: FUNCTIONS.serviceName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(props.reservedConcurrency !== undefined && {
        reservedConcurrentExecutions: props.reservedConcurrency,
      }),
      ...(props.asyncInvoke && {
        onFailure: props.asyncInvoke.onFailure,
        retryAttempts: props.asyncInvoke.retryAttempts,
        maxEventAge: props.asyncInvoke.maxEventAge,
      }),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      bundling: {
        format: OutputFormat.ESM,
        // Prefer packages' ESM builds, as the output is ESM.
        mainFields: ['module', 'main'],
        // A CommonJS dependency that calls require() still works inside the ESM bundle.
        banner:
          "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
        minify: true,
        // Readable stack traces; the map's `sources` also lets tests audit what was bundled.
        sourceMap: true,
        sourcesContent: false,
        externalModules: ['@aws-sdk/*', '@smithy/*'],
      },
    });
  }
}
