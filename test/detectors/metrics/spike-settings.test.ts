import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPIKE_TUNING,
  LambdaSpikeSettingsSchema,
  lookbackDaysOf,
  tuningFor,
} from '../../../detectors/metrics/spike-settings.js';
import { parseDetectorSettings } from '../../../detectors/settings.js';

describe('tuningFor', () => {
  const settings = LambdaSpikeSettingsSchema.parse({
    minRatio: 4,
    functions: {
      'billing-export': { minInvocationsPerMinute: 200 },
      'batch-*': { enabled: false },
      'batch-nightly-*': { enabled: true, seasonality: 'daily' },
    },
  });

  it('uses the defaults when nothing is configured', () => {
    expect(tuningFor(undefined, 'anything')).toEqual(DEFAULT_SPIKE_TUNING);
    expect(lookbackDaysOf(undefined)).toBe(14);
  });

  it('applies the common settings, then the exact function override', () => {
    expect(tuningFor(settings, 'billing-export')).toMatchObject({
      minRatio: 4,
      minInvocationsPerMinute: 200,
      enabled: true,
    });
  });

  it('picks the longest matching prefix pattern', () => {
    expect(tuningFor(settings, 'batch-hourly').enabled).toBe(false);
    expect(tuningFor(settings, 'batch-nightly-report')).toMatchObject({
      enabled: true,
      seasonality: 'daily',
    });
    expect(tuningFor(settings, 'billing').enabled).toBe(true);
  });
});

describe('settings keys for access logs and spikes', () => {
  it('defaults the new keys so existing configs stay valid', () => {
    expect(parseDetectorSettings({ trustedAccounts: ['111122223333'] })).toMatchObject({
      cloudFrontOnlyBuckets: [],
      cloudFrontOriginAccessIdentities: [],
    });
  });

  it('rejects bad bucket names, identities and unknown spike keys', () => {
    expect(() => parseDetectorSettings({ cloudFrontOnlyBuckets: ['Bad_Bucket'] })).toThrow(
      /bucket name/,
    );
    expect(() =>
      parseDetectorSettings({ cloudFrontOriginAccessIdentities: ['E2QWRUHEXAMPLE'] }),
    ).toThrow(/canonical user id/);
    expect(() => parseDetectorSettings({ lambdaSpikes: { minRatoi: 3 } })).toThrow(/minRatoi/);
    expect(() =>
      parseDetectorSettings({ lambdaSpikes: { functions: { 'bad name': {} } } }),
    ).toThrow(/function name/);
  });
});
