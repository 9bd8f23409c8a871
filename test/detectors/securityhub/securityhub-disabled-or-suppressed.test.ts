import { describe, expect, it } from 'vitest';
import { securityhubDisabledOrSuppressed } from '../../../detectors/securityhub/securityhub-disabled-or-suppressed.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const suppress = (count: number, status: unknown = 'SUPPRESSED') =>
  cloudTrailEvent({
    eventSource: 'securityhub.amazonaws.com',
    eventName: 'BatchUpdateFindings',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      FindingIdentifiers: Array.from({ length: count }, (_, i) => ({
        Id: `finding-${i}`,
        ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty',
      })),
      Workflow: { Status: status },
    },
  });

describe('Detector: securityhub-disabled-or-suppressed', () => {
  it('alerts on a bulk suppression from ten findings in one call, not nine', () => {
    expect(detect(securityhubDisabledOrSuppressed, suppress(9))).toEqual([]);
    expect(detect(securityhubDisabledOrSuppressed, suppress(10))[0]?.severity).toBe('high');
  });

  it('reads the workflow status without regard to case or field spelling', () => {
    const event = suppress(12, 'suppressed');
    const lower = {
      ...event,
      requestParameters: {
        findingIdentifiers: event.requestParameters?.FindingIdentifiers,
        workflow: { status: 'suppressed' },
      },
    };

    expect(detect(securityhubDisabledOrSuppressed, event)).toHaveLength(1);
    expect(detect(securityhubDisabledOrSuppressed, lower)).toHaveLength(1);
  });

  it('rates control-association disabling medium and ignores enabling', () => {
    const update = (status: string) =>
      cloudTrailEvent({
        eventSource: 'securityhub.amazonaws.com',
        eventName: 'BatchUpdateStandardsControlAssociations',
        requestParameters: {
          StandardsControlAssociationUpdates: [
            {
              StandardsArn:
                'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
              SecurityControlId: 'CloudTrail.1',
              AssociationStatus: status,
              UpdatedReason: 'not applicable',
            },
          ],
        },
      });

    expect(detect(securityhubDisabledOrSuppressed, update('DISABLED'))[0]?.severity).toBe('medium');
    expect(detect(securityhubDisabledOrSuppressed, update('ENABLED'))).toEqual([]);
  });

  it('ignores calls Security Hub makes through its service-linked role', () => {
    const event = {
      ...suppress(50),
      userIdentity: {
        ...identities.assumedRole('AWSServiceRoleForSecurityHub', 'securityhub'),
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            arn: 'arn:aws:iam::111122223333:role/aws-service-role/securityhub.amazonaws.com/AWSServiceRoleForSecurityHub',
          },
        },
      },
    };

    expect(detect(securityhubDisabledOrSuppressed, event)).toEqual([]);
  });

  it('groups alerts per principal, region and API, not per session', () => {
    const a = detect(securityhubDisabledOrSuppressed, suppress(10))[0];
    const b = detect(securityhubDisabledOrSuppressed, {
      ...suppress(10),
      userIdentity: identities.assumedRole('Admin', 'another-session'),
    })[0];

    expect(a?.dedupKey).toBe(b?.dedupKey);
  });
});
