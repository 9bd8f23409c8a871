import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const vPC = { vPCRegion: 'us-east-1', vPCId: 'vpc-0f1e2d3c4b5a69788' };

/** CreateVPCAssociationAuthorization as Route 53 logs it (a global service, in us-east-1). */
const authorise = cloudTrailEvent({
  eventSource: 'route53.amazonaws.com',
  eventName: 'CreateVPCAssociationAuthorization',
  userIdentity: identities.assumedRole('NetworkAdmin', 'mallory'),
  requestParameters: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', vPC },
  responseElements: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', vPC },
});

const outsider = {
  ...identities.assumedRole('Admin', 'intruder'),
  accountId: OTHER_ACCOUNT,
  arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Admin/intruder`,
};

const associate = cloudTrailEvent({
  eventSource: 'route53.amazonaws.com',
  eventName: 'AssociateVPCWithHostedZone',
  userIdentity: outsider,
  requestParameters: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', vPC, comment: '' },
  responseElements: {
    changeInfo: {
      id: '/change/C0123456789ABCDEFGHIJ',
      status: 'PENDING',
      submittedAt: 'Nov 20, 2026 10:00:00 AM',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: "another account's VPC authorised on a private zone", events: [authorise] },
    { name: 'a caller of another account associates its VPC', events: [associate] },
  ],
  noFire: [
    {
      name: 'an own VPC associated',
      events: [{ ...associate, userIdentity: identities.assumedRole('NetworkAdmin', 'ops') }],
    },
    {
      name: 'a trusted account associates its VPC',
      events: [associate],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    { name: 'refused', events: [failed(authorise, 'AccessDenied')] },
  ],
};
