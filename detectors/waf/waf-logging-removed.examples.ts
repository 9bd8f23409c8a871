import { ACCOUNT, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { wafv2Call } from './waf-rule-group-deleted.examples.js';

const ACL = `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/shop-api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
const deleteLogging = wafv2Call('DeleteLoggingConfiguration', { resourceArn: ACL });

export const examples: DetectorExamples = {
  fire: [
    { name: 'web ACL logging turned off', events: [deleteLogging] },
    {
      name: 'a denied removal (an attempt)',
      events: [failed(deleteLogging, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'logging configured',
      events: [
        wafv2Call('PutLoggingConfiguration', {
          loggingConfiguration: {
            resourceArn: ACL,
            logDestinationConfigs: [
              `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-shop`,
            ],
          },
        }),
      ],
    },
    {
      name: 'no logging was configured',
      events: [failed(deleteLogging, 'WAFNonexistentItemException')],
    },
  ],
};
