import { describe, expect, it } from 'vitest';
import { organizationsLeave } from '../../../detectors/organizations/organizations-leave.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

describe('Detector: organizations-leave', () => {
  it('names the calling member account for LeaveOrganization, which has no request', () => {
    const event = cloudTrailEvent({
      eventSource: 'organizations.amazonaws.com',
      eventName: 'LeaveOrganization',
      userIdentity: identities.root(),
      requestParameters: null,
    });
    const [finding] = detect(organizationsLeave, event);

    expect(finding?.severity).toBe('critical');
    expect(finding?.resources).toEqual([ACCOUNT]);
    expect(finding?.summary).toContain(`account ${ACCOUNT} leave the organisation`);
  });

  it('names the closed account, not the management account', () => {
    const event = cloudTrailEvent({
      eventSource: 'organizations.amazonaws.com',
      eventName: 'CloseAccount',
      requestParameters: { accountId: '555555555555' },
    });

    expect(detect(organizationsLeave, event)[0]?.resources).toEqual(['555555555555']);
  });
});
