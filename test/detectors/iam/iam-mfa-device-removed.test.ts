import { describe, expect, it } from 'vitest';
import { iamMfaDeviceRemoved } from '../../../detectors/iam/iam-mfa-device-removed.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

const mfaEvent = (
  eventName: string,
  requestParameters: Record<string, unknown> | null,
  userIdentity = identities.iamUser('admin'),
) =>
  cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName, userIdentity, requestParameters });

describe('Detector: iam-mfa-device-removed', () => {
  it("is high for another user's device and names the user", () => {
    const finding = detect(
      iamMfaDeviceRemoved,
      mfaEvent('DeactivateMFADevice', {
        userName: 'bob',
        serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/bob`,
      }),
    )[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('of bob');
  });

  it('is critical when root deactivates its own device (no userName)', () => {
    const finding = detect(
      iamMfaDeviceRemoved,
      mfaEvent('DeactivateMFADevice', { serialNumber: 'GAHT12345678' }, identities.root()),
    )[0];

    expect(finding?.severity).toBe('critical');
    expect(finding?.summary).toContain('of root');
  });

  it("is critical when anyone deletes root's virtual device", () => {
    const finding = detect(
      iamMfaDeviceRemoved,
      mfaEvent('DeleteVirtualMFADevice', {
        serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`,
      }),
    )[0];

    expect(finding?.severity).toBe('critical');
  });

  it('does not claim a deleted virtual device was root’s just because root deleted it', () => {
    const finding = detect(
      iamMfaDeviceRemoved,
      mfaEvent(
        'DeleteVirtualMFADevice',
        { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/bob` },
        identities.root(),
      ),
    )[0];

    expect(finding?.severity).toBe('critical');
    expect(finding?.summary).not.toContain('of root');
  });

  it('still fires, without throwing, when requestParameters is null', () => {
    expect(
      detect(iamMfaDeviceRemoved, mfaEvent('DeactivateMFADevice', null))[0]?.summary,
    ).toContain('unknown device');
  });
});
