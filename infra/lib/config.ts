import { z } from 'zod';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorSettingsSchema } from '../../detectors/settings.js';
import { type DetectorSettings, SEVERITIES, type Severity } from '../../detectors/types.js';
import { ATHENA, DEFAULT_TRAIL_REGIONS } from './defaults.js';

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
  'alertSubscriptions',
  'opsSubscriptions',
  'detectorSettings',
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
  readonly alertSubscriptions: readonly AlertSubscription[];
  readonly opsSubscriptions: readonly OpsSubscription[];
  /** Detector settings (TRAILWATCH_SETTINGS), as the operator gave them. */
  readonly settings: DetectorSettings;
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

const AccountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');
const BucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name');
const KmsKeyArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-)?[0-9a-f-]+$/,
    'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>); an alias ARN cannot be granted',
  );
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region name');
const DETECTOR_IDS = new Set(BUILTIN_DETECTORS.map((detector) => detector.id));
const DetectorId = z
  .string()
  .refine((id) => DETECTOR_IDS.has(id), 'is not a detector id (see `trailwatch detectors`)');

/** `-c key=a,b` arrives as a string; cdk.json gives a real array. Accept both, and JSON text. */
function asList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return [];
  if (text.startsWith('[')) return parseJson(text);
  return text.split(',').map((item) => item.trim());
}

/** Lists of objects and objects come as JSON text from `-c`, as JSON values from cdk.json. */
function asJson(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' ? parseJson(value) : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Left to the schema, which reports it as "expected array" under the right key.
    return text;
  }
}

function asBoolean(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

const list = <T extends z.ZodType>(item: T, min = 0) =>
  z.preprocess(asList, z.array(item).min(min, 'must list at least one value'));

const subscriptionShape = {
  protocol: z.enum(['email', 'https']),
  endpoint: z.string().min(1),
};

/** An endpoint SNS would reject (or that would send alerts in clear text) fails here, not at deploy. */
function checkEndpoint(
  subscription: { protocol: 'email' | 'https'; endpoint: string },
  ctx: z.RefinementCtx,
): void {
  const { protocol, endpoint } = subscription;
  if (protocol === 'email' && !z.email().safeParse(endpoint).success) {
    ctx.addIssue({
      code: 'custom',
      path: ['endpoint'],
      message: `"${endpoint}" is not an email address`,
    });
  }
  if (protocol === 'https' && !z.url({ protocol: /^https$/ }).safeParse(endpoint).success) {
    ctx.addIssue({
      code: 'custom',
      path: ['endpoint'],
      message: `"${endpoint}" is not an https:// URL`,
    });
  }
}

const Subscription = z.strictObject(subscriptionShape).superRefine(checkEndpoint);

const AlertSubscriptionSchema = z
  .strictObject({
    ...subscriptionShape,
    severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
    detectors: z.array(DetectorId).min(1).optional(),
  })
  .superRefine(checkEndpoint);

const ContextSchema = z.strictObject({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a CloudFormation stack name')
    .default('Trailwatch'),
  existingTrailBucketName: BucketName.optional(),
  existingTrailBucketAccount: AccountId.optional(),
  existingTrailKmsKeyArn: KmsKeyArn.optional(),
  newTrailBucketName: BucketName.optional(),
  trailKeyPrefix: z
    .string()
    .regex(
      /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/,
      'must be an S3 key prefix without leading or trailing "/"',
    )
    .optional(),
  organizationId: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/, 'must be an AWS Organizations id (o-xxxxxxxxxx)')
    .optional(),
  trailAccounts: list(AccountId, 1).optional(),
  trailRegions: list(Region, 1).default([...DEFAULT_TRAIL_REGIONS]),
  trailLogsSince: z
    .string()
    .regex(/^\d{4}\/\d{2}\/\d{2}$/, 'must be a date written yyyy/MM/dd')
    .default(ATHENA.projectionStart),
  fastPathReadOnlyEvents: z.preprocess(asBoolean, z.boolean()).default(false),
  alertSubscriptions: z.preprocess(asJson, z.array(AlertSubscriptionSchema)).default([]),
  opsSubscriptions: z.preprocess(asJson, z.array(Subscription)).default([]),
  // The same schema the CLI's config file uses, so the handlers accept what passed here.
  detectorSettings: z.preprocess(asJson, DetectorSettingsSchema).prefault({}),
  runbookBaseUrl: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
});

type ParsedContext = z.infer<typeof ContextSchema>;

/**
 * Validates the app's context and turns it into a {@link TrailwatchConfig}. Unset keys get
 * the defaults documented in docs/deploy.md. Throws one {@link ConfigError} naming every
 * bad key, so an operator fixes them all in one go.
 */
export function parseConfig(
  context: Readonly<Partial<Record<ContextKey, unknown>>>,
): TrailwatchConfig {
  const result = ContextSchema.safeParse(context);
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
    alertSubscriptions: parsed.alertSubscriptions,
    opsSubscriptions: parsed.opsSubscriptions,
    settings: parsed.detectorSettings,
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
