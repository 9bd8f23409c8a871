import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const leave = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'LeaveOrganization',
  userIdentity: identities.root(),
  requestParameters: null,
  responseElements: null,
});

const close = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'CloseAccount',
  userIdentity: identities.assumedRole('my-admin-role', 'my-session-id'),
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
  requestParameters: { accountId: '555555555555' },
  responseElements: null,
});

const remove = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'RemoveAccountFromOrganization',
  userIdentity: identities.assumedRole('OrgAdmin', 'dana'),
  requestParameters: { accountId: '444455556666' },
});

/** The asynchronous completion record Organizations writes after CloseAccount. */
const closeResult = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'CloseAccountResult',
  eventType: 'AwsServiceEvent',
  userIdentity: { accountId: '111122223333', invokedBy: 'organizations.amazonaws.com' },
  requestParameters: null,
  serviceEventDetails: {
    closeAccountStatus: { accountId: '555555555555', state: 'SUCCEEDED' },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a member account leaves the organisation (critical)', events: [leave] },
    { name: 'the management account closes a member account', events: [close] },
    { name: 'an account is removed from the organisation', events: [remove] },
    {
      name: 'a LeaveOrganization refused by a service control policy is an attempt',
      events: [failed(leave, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'leaving is refused while the account is a delegated administrator',
      events: [failed(leave, 'ConstraintViolationException', 'cannot remove a delegated admin')],
    },
    { name: 'the CloseAccountResult completion record', events: [closeResult] },
  ],
};
