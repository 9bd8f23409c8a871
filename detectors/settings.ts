import { z } from 'zod';
import { DEFAULT_SETTINGS, type DetectorSettings } from './types.js';

const AccountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

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
  allowedRegions: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region name like eu-west-1'))
    .default([]),
});

/** Parses settings; throws a ZodError naming the bad key on invalid input. */
export function parseDetectorSettings(input: unknown): DetectorSettings {
  if (input === undefined) return DEFAULT_SETTINGS;
  return DetectorSettingsSchema.parse(input);
}
