import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db/master-Ab12Cd`;

/** A role of another account reading this account's secret: logged in the owner's trail. */
const foreignRole = {
  ...identities.assumedRole('exfil', 'session'),
  principalId: 'AROAOTHEREXAMPLE:session',
  arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/exfil/session`,
  accountId: OTHER_ACCOUNT,
};

export const crossAccountRead = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    readOnly: true,
    userIdentity: foreignRole,
    requestParameters: { secretId: SECRET },
    responseElements: null,
    recipientAccountId: ACCOUNT,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a role of an unknown account reads a secret', events: [crossAccountRead()] },
    {
      name: 'an account identity (AWSAccount) reads it, org accounts configured',
      events: [crossAccountRead({ userIdentity: identities.awsAccount('999988887777') })],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
  ],
  noFire: [
    {
      name: 'the read comes from an account of the organisation',
      events: [crossAccountRead()],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'the owner account reads its own secret',
      events: [crossAccountRead({ userIdentity: identities.assumedRole('app', 'i-0abc') })],
    },
    { name: 'denied cross-account read', events: [failed(crossAccountRead())] },
  ],
};
