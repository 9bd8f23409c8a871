import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const stopRecorder = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'StopConfigurationRecorder',
  awsRegion: 'eu-west-1',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { configurationRecorderName: 'default' },
});

const deleteChannel = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'DeleteDeliveryChannel',
  requestParameters: { deliveryChannelName: 'default' },
});

const deleteRule = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'DeleteConfigRule',
  requestParameters: { configRuleName: 'required-tags' },
});

/** Security Hub removing a rule it manages, through its service-linked role. */
const securityHubRemovesRule = cloudTrailEvent({
  eventSource: 'config.amazonaws.com',
  eventName: 'DeleteConfigRule',
  sourceIPAddress: 'securityhub.amazonaws.com',
  userAgent: 'securityhub.amazonaws.com',
  userIdentity: {
    ...identities.assumedRole('AWSServiceRoleForSecurityHub', 'securityhub'),
    invokedBy: 'securityhub.amazonaws.com',
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROASECURITYHUBSLR',
        arn: 'arn:aws:iam::111122223333:role/aws-service-role/securityhub.amazonaws.com/AWSServiceRoleForSecurityHub',
        accountId: '111122223333',
        userName: 'AWSServiceRoleForSecurityHub',
      },
    },
  },
  requestParameters: { configRuleName: 'securityhub-s3-bucket-logging-enabled-abc123' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'the configuration recorder is stopped', events: [stopRecorder] },
    { name: 'the delivery channel is deleted', events: [deleteChannel] },
    { name: 'a customer Config rule is deleted (medium)', events: [deleteRule] },
    { name: 'a denied StopConfigurationRecorder (an attempt)', events: [failed(stopRecorder)] },
  ],
  noFire: [
    {
      name: 'StopConfigurationRecorder of a recorder that does not exist',
      events: [failed(stopRecorder, 'NoSuchConfigurationRecorderException')],
    },
    {
      name: 'Security Hub removes a rule it manages',
      events: [securityHubRemovesRule],
    },
    {
      name: 'the recorder is started again',
      events: [{ ...stopRecorder, eventName: 'StartConfigurationRecorder' }],
    },
  ],
};
