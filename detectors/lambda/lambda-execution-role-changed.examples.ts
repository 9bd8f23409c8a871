import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const updateConfig = (requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionConfiguration20150331v2',
    userIdentity: identities.assumedRole('Developer', 'mallory'),
    requestParameters,
    responseElements: {
      functionName: 'report-builder',
      functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:report-builder',
      role: 'arn:aws:iam::111122223333:role/AdminRole',
      lastUpdateStatus: 'InProgress',
    },
  });

const roleSwap = updateConfig({
  functionName: 'report-builder',
  role: 'arn:aws:iam::111122223333:role/AdminRole',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'execution role swapped (first-seen state decides)', events: [roleSwap] },
    {
      name: 'CloudFormation restating the role in a full update (learned, then silent)',
      events: [
        updateConfig({
          functionName: 'report-builder',
          role: 'arn:aws:iam::111122223333:role/service-role/report-builder-role',
          memorySize: 512,
          timeout: 30,
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed update', events: [failed(roleSwap, 'InvalidParameterValueException')] },
    {
      name: 'memory and timeout changed',
      events: [updateConfig({ functionName: 'report-builder', memorySize: 1024, timeout: 30 })],
    },
    { name: 'requestParameters null', events: [updateConfig(null)] },
    { name: 'empty role', events: [updateConfig({ functionName: 'report-builder', role: ' ' })] },
  ],
};
