import { describe, expect, it } from 'vitest';
import { iamPasswordPolicyWeakened } from '../../../detectors/iam/iam-password-policy-weakened.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const update = (requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAccountPasswordPolicy',
    requestParameters,
  });

const strong = {
  minimumPasswordLength: 16,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  passwordReusePrevention: 24,
};

describe('Detector: iam-password-policy-weakened', () => {
  it('lists each weakness in the summary', () => {
    const finding = detect(
      iamPasswordPolicyWeakened,
      update({ ...strong, minimumPasswordLength: 8, requireSymbols: false }),
    )[0];

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('minimum length 8');
    expect(finding?.summary).toContain('no symbols required');
    expect(finding?.summary).not.toContain('reuse');
  });

  it('accepts values logged as strings', () => {
    const asStrings = Object.fromEntries(Object.entries(strong).map(([k, v]) => [k, String(v)]));

    expect(detect(iamPasswordPolicyWeakened, update(asStrings))).toEqual([]);
  });

  it('treats an update with no parameters (all defaults) as weak', () => {
    expect(detect(iamPasswordPolicyWeakened, update(null))[0]?.summary).toContain(
      'minimum length default',
    );
  });
});
