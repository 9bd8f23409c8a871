import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const putRecorder = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'PutConfigurationRecorder',
  userIdentity: identities.assumedRole('AWSControlTowerExecution', 'landing-zone'),
  requestParameters: {
    configurationRecorder: {
      name: 'default',
      roleARN:
        'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    },
  },
});

const stopRecorder = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'StopConfigurationRecorder',
  requestParameters: { configurationRecorderName: 'default' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the configuration recorder is (re)configured', events: [putRecorder] },
    { name: 'the configuration recorder is stopped', events: [stopRecorder] },
  ],
  noFire: [
    { name: 'a denied StopConfigurationRecorder', events: [failed(stopRecorder)] },
    {
      name: 'StartConfigurationRecorder is outside the CIS 5.9 set',
      events: [{ ...stopRecorder, eventName: 'StartConfigurationRecorder' }],
    },
    {
      name: 'a status read',
      events: [
        {
          ...stopRecorder,
          eventName: 'DescribeConfigurationRecorderStatus',
          readOnly: true,
          requestParameters: null,
        },
      ],
    },
  ],
};
