import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/payments/api-key-Qw12Er`;

const deleteSecret = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'DeleteSecret',
    requestParameters: { secretId: 'prod/payments/api-key', ...requestParameters },
    responseElements: {
      arn: ARN,
      name: 'prod/payments/api-key',
      deletionDate: 'Nov 20, 2026, 10:00:00 AM',
    },
  });

const forced = deleteSecret({ forceDeleteWithoutRecovery: true });

export const examples: DetectorExamples = {
  fire: [{ name: 'secret force-deleted', events: [forced] }],
  noFire: [
    {
      name: 'deletion with the minimum 7-day recovery window',
      events: [deleteSecret({ recoveryWindowInDays: 7 })],
    },
    { name: 'deletion with the default window', events: [deleteSecret({})] },
    { name: 'failed forced deletion', events: [failed(forced)] },
  ],
};
