import { z } from 'zod';
import { SEVERITIES } from '../../detectors/types.js';
import { TUNABLE_BUILTIN_IDS } from './catalog-ids.js';
import {
  ATHENA,
  DEFAULT_TRAIL_REGIONS,
  FAST_PATH,
  INGEST,
  RESERVED_CONCURRENCY_LIMITS,
} from './defaults.js';

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
/** An id of `known`: the built-in detectors, plus the user detectors of `detectorsDir`. */
const detectorId = (known: ReadonlySet<string>) =>
  z
    .string()
    .refine(
      (id) => known.has(id),
      'is not a detector id (see `trailwatch detectors`, and the detectorsDir folder if set)',
    );

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

/** `-c key=20` arrives as a string; cdk.json gives a number. */
function asInteger(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
}

const concurrency = (limits: { readonly min: number; readonly max: number }) =>
  z.preprocess(
    asInteger,
    z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(limits.min, `must be at least ${limits.min}`)
      .max(limits.max, `must be at most ${limits.max}`),
  );

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

const alertSubscriptionSchema = (known: ReadonlySet<string>) =>
  z
    .strictObject({
      ...subscriptionShape,
      severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
      detectors: z.array(detectorId(known)).min(1).optional(),
    })
    .superRefine(checkEndpoint);

/**
 * What each context key may hold. Values given with `-c` arrive as strings, so lists,
 * booleans and JSON are normalised before validation. `detectorIds` are the ids an
 * alert subscription may filter on.
 */
export const contextSchema = (detectorIds: ReadonlySet<string> = TUNABLE_BUILTIN_IDS) =>
  z.strictObject({
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
    ingestReservedConcurrency: concurrency(RESERVED_CONCURRENCY_LIMITS.ingest).default(
      INGEST.reservedConcurrency,
    ),
    fastPathReservedConcurrency: concurrency(RESERVED_CONCURRENCY_LIMITS.fastPath).default(
      FAST_PATH.reservedConcurrency,
    ),
    alertSubscriptions: z
      .preprocess(asJson, z.array(alertSubscriptionSchema(detectorIds)))
      .default([]),
    opsSubscriptions: z.preprocess(asJson, z.array(Subscription)).default([]),
    configFile: z.string().min(1).optional(),
    detectorsDir: z.string().min(1).optional(),
    runbookBaseUrl: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
  });

/** The context schema for the built-in detectors. */
export const ContextSchema = contextSchema();

/** The context after validation, defaults applied. */
export type ParsedContext = z.infer<typeof ContextSchema>;
