import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** One principal read the user data of ten or more instances within a day. */
export const ec2UserDataReadBurst: Detector = {
  id: 'ec2-user-data-read-burst',
  title: 'User data of many EC2 instances read',
  severity: 'medium',
  description:
    'One principal called DescribeInstanceAttribute for the userData attribute of 10 or more ' +
    'distinct instances within 24 hours. User data often holds bootstrap secrets (database ' +
    'passwords, tokens, keys), so attackers harvest it across the fleet right after gaining ' +
    'access. Reads refused for lack of permission count apart, as an attempt one level lower: ' +
    'stolen credentials sweeping the fleet fail the same way. AWS services reading it for ' +
    'themselves are ignored. Benign causes: inventory and ' +
    'configuration-audit tools, migration scripts.',
  attack: ['T1552', 'T1580'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 86400,
  outcome: { attempts: true },
  threshold: { count: 10, windowSeconds: 86400, distinct: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['DescribeInstanceAttribute'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.userIdentity?.type === 'AWSService' || event.userIdentity?.invokedBy) {
      return undefined;
    }
    const attribute = asString(getPath(event.requestParameters, 'attribute'));
    if (attribute?.trim().toLowerCase() !== 'userdata') return undefined;
    const instance = requestString(event, 'instanceId');
    if (!instance) return undefined;
    return {
      summary: `${principalOf(event)} read the user data of ${instance}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: [instance],
      distinctValue: instance,
    };
  },
};
