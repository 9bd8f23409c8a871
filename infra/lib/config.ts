import type { Severity } from '../../detectors/types.js';
import { TUNABLE_BUILTIN_IDS } from './catalog-ids.js';
import { contextSchema, type ParsedContext } from './context-schema.js';

/** Every context key the app reads (cdk.json `context`, cdk.context.json, or `-c key=value`). */
export const CONTEXT_KEYS = [
  'stackName',
  'existingTrailBucketName',
  'existingTrailBucketAccount',
  'existingTrailKmsKeyArn',
  'newTrailBucketName',
  'trailKeyPrefix',
  'organizationId',
  'trailAccounts',
  'trailRegions',
  'trailLogsSince',
  'fastPathReadOnlyEvents',
  'ingestReservedConcurrency',
  'fastPathReservedConcurrency',
  'alertSubscriptions',
  'opsSubscriptions',
  'configFile',
  'detectorsDir',
  'runbookBaseUrl',
] as const;

export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** Where logs come from: a trail trailwatch creates, or a bucket some trail already writes to. */
export type TrailSourceConfig =
  | { readonly kind: 'new'; readonly bucketName?: string }
  | {
      readonly kind: 'existing';
      readonly bucketName: string;
      /** Owner of the bucket; S3 notifications must come from it. */
      readonly bucketAccount?: string;
      /** Key that encrypts the log objects (SSE-KMS), when there is one. */
      readonly kmsKeyArn?: string;
    };

/** Reserved concurrency of the functions an event flood could scale (the spike detector's is 1). */
export interface ReservedConcurrency {
  readonly ingest: number;
  readonly fastPath: number;
}

/** One email or HTTPS endpoint that receives alerts, optionally filtered. */
export interface AlertSubscription {
  readonly protocol: 'email' | 'https';
  readonly endpoint: string;
  /** Only these severities; every severity when absent. */
  readonly severities?: readonly Severity[];
  /** Only these detector ids; every detector when absent. */
  readonly detectors?: readonly string[];
}

/** One email or HTTPS endpoint for the pipeline's own health alarms. */
export interface OpsSubscription {
  readonly protocol: 'email' | 'https';
  readonly endpoint: string;
}

/** The validated deployment configuration. */
export interface TrailwatchConfig {
  readonly stackName: string;
  readonly trail: TrailSourceConfig;
  /** S3 key prefix the trail writes under (before `AWSLogs/`), without slashes at either end. */
  readonly keyPrefix?: string;
  /** Set for an organization trail (`AWSLogs/<org-id>/<account>/...`). */
  readonly organizationId?: string;
  /** Accounts the Athena table projects; undefined means "this account" (or, for an org trail, injected at query time). */
  readonly trailAccounts?: readonly string[];
  readonly trailRegions: readonly string[];
  /** `yyyy/MM/dd`: the first day the Athena table projects. */
  readonly trailLogsSince: string;
  readonly fastPathReadOnlyEvents: boolean;
  /** Concurrent executions reserved for (and capping) each detector function fed by events. */
  readonly reservedConcurrency: ReservedConcurrency;
  readonly alertSubscriptions: readonly AlertSubscription[];
  readonly opsSubscriptions: readonly OpsSubscription[];
  /** Path of the trailwatch config file (settings, detector overrides, suppressions). */
  readonly configFile?: string;
  /** Folder of user-written detectors bundled into the functions (as `scan --detectors`). */
  readonly detectorsDir?: string;
  /** Where alerts link runbooks (RUNBOOK_BASE_URL); the handlers' default when absent. */
  readonly runbookBaseUrl?: string;
}

/** The context was invalid; `problems` lists every bad key at once, each with what to do. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(
      `Invalid trailwatch context (see docs/deploy.md, "Configuration"):\n  - ${problems.join('\n  - ')}`,
      options,
    );
    this.problems = problems;
  }
}

/**
 * Validates the app's context and turns it into a {@link TrailwatchConfig}. Unset keys get
 * the defaults documented in docs/deploy.md. Throws one {@link ConfigError} naming every
 * bad key, so an operator fixes them all in one go. `detectorIds` are the ids an
 * alert subscription may filter on: the built-in ones and the user detectors'.
 */
export function parseConfig(
  context: Readonly<Partial<Record<ContextKey, unknown>>>,
  detectorIds: ReadonlySet<string> = TUNABLE_BUILTIN_IDS,
): TrailwatchConfig {
  const result = contextSchema(detectorIds).safeParse(context);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(context)'}: ${issue.message}`,
    );
    throw new ConfigError(problems, { cause: result.error });
  }
  const parsed = result.data;
  const problems = [...conflicts(parsed), ...duplicates(parsed)];
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(parsed);
}

function conflicts(parsed: ParsedContext): string[] {
  const problems: string[] = [];
  if (parsed.existingTrailBucketName === undefined) {
    // A created trail has its bucket to itself: a prefix would only complicate its policies.
    for (const key of [
      'existingTrailBucketAccount',
      'existingTrailKmsKeyArn',
      'trailKeyPrefix',
    ] as const) {
      if (parsed[key] !== undefined) {
        problems.push(
          `${key}: only applies with existingTrailBucketName; set that too or remove it`,
        );
      }
    }
  } else if (parsed.newTrailBucketName !== undefined) {
    problems.push(
      'newTrailBucketName: trailwatch creates no trail when existingTrailBucketName is set; remove one of them',
    );
  }
  return problems;
}

/** SNS keys a subscription by topic and endpoint: list an endpoint once, with all its filters. */
function duplicates(parsed: ParsedContext): string[] {
  const problems: string[] = [];
  for (const key of ['alertSubscriptions', 'opsSubscriptions'] as const) {
    const seen = new Set<string>();
    for (const { protocol, endpoint } of parsed[key]) {
      const id = `${protocol}:${endpoint}`;
      if (seen.has(id)) problems.push(`${key}: ${id} is listed twice; merge the entries`);
      seen.add(id);
    }
  }
  return problems;
}

function toConfig(parsed: ParsedContext): TrailwatchConfig {
  const trail: TrailSourceConfig =
    parsed.existingTrailBucketName === undefined
      ? { kind: 'new', bucketName: parsed.newTrailBucketName }
      : {
          kind: 'existing',
          bucketName: parsed.existingTrailBucketName,
          bucketAccount: parsed.existingTrailBucketAccount,
          kmsKeyArn: parsed.existingTrailKmsKeyArn,
        };
  return {
    stackName: parsed.stackName,
    trail,
    keyPrefix: parsed.trailKeyPrefix,
    organizationId: parsed.organizationId,
    trailAccounts: parsed.trailAccounts,
    trailRegions: parsed.trailRegions,
    trailLogsSince: parsed.trailLogsSince,
    fastPathReadOnlyEvents: parsed.fastPathReadOnlyEvents,
    reservedConcurrency: {
      ingest: parsed.ingestReservedConcurrency,
      fastPath: parsed.fastPathReservedConcurrency,
    },
    alertSubscriptions: parsed.alertSubscriptions,
    opsSubscriptions: parsed.opsSubscriptions,
    configFile: parsed.configFile,
    detectorsDir: parsed.detectorsDir,
    runbookBaseUrl: parsed.runbookBaseUrl,
  };
}

/** Reads every {@link CONTEXT_KEYS} entry from a construct node's context. */
export function readContext(node: {
  tryGetContext(key: string): unknown;
}): Partial<Record<ContextKey, unknown>> {
  const context: Partial<Record<ContextKey, unknown>> = {};
  for (const key of CONTEXT_KEYS) {
    const value = node.tryGetContext(key);
    if (value !== undefined) context[key] = value;
  }
  return context;
}

/**
 * Context keys that look like ours but are not (a typo such as `existingTrailBuckeName` would
 * otherwise silently deploy a new trail). CDK's own keys all contain ':' or start with '@'.
 */
export function unknownContextKeys(all: Readonly<Record<string, unknown>>): string[] {
  const known = new Set<string>(CONTEXT_KEYS);
  const cdkOwn = new Set(['acknowledged-issue-numbers']);
  return Object.keys(all).filter(
    (key) => !known.has(key) && !cdkOwn.has(key) && !key.includes(':') && !key.startsWith('@'),
  );
}
