import { z } from 'zod';
import { LambdaSpikeSettingsSchema } from './metrics/spike-settings.js';
import { DEFAULT_SETTINGS, type DetectorSettings } from './types.js';

const AccountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Operator settings as read from a config file. Unknown keys are rejected so a
 * typo ("trustedAcounts") is an error instead of a silently ignored setting.
 */
export const DetectorSettingsSchema = z.strictObject({
  trustedAccounts: z.array(AccountId).default([]),
  trustedLayerPublishers: z.array(AccountId).default([]),
  trustedOrganizationIds: z
    .array(
      z.string().regex(/^o-[a-z0-9]{10,32}$/, 'must be an AWS Organizations id like o-a1b2c3d4e5'),
    )
    .default([]),
  logBuckets: z.array(z.string().min(3).max(63)).default([]),
  logReaders: z
    .array(
      z
        .string()
        .max(2048)
        .regex(
          /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/\S+$/,
          'must be the ARN of an IAM role or user, like arn:aws:iam::111122223333:role/siem-reader',
        ),
    )
    .default([]),
  allowedRegions: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region name like eu-west-1'))
    .default([]),
  cloudFrontOnlyBuckets: z
    .array(z.string().regex(BUCKET_NAME, 'must be an S3 bucket name'))
    .default([]),
  cloudFrontOriginAccessIdentities: z
    .array(
      z
        .string()
        .regex(
          /^[0-9a-f]{64}$/,
          'must be the canonical user id (64 hex digits) of an origin access identity',
        ),
    )
    .default([]),
  lambdaSpikes: LambdaSpikeSettingsSchema.optional(),
});

/** Parses settings; throws a ZodError naming the bad key on invalid input. */
export function parseDetectorSettings(input: unknown): DetectorSettings {
  if (input === undefined) return DEFAULT_SETTINGS;
  return DetectorSettingsSchema.parse(input);
}
