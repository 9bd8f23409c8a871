import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** A newer EC2 call as logged: the request wrapped in `<Action>Request`, the response in `<Action>Response`. */
export const ec2Call = (
  eventName: string,
  request: Record<string, unknown> | string,
  response: Record<string, unknown>,
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { [`${eventName}Request`]: request },
    responseElements: {
      [`${eventName}Response`]: {
        xmlns: EC2_NS,
        requestId: '59dbff89-35bd-4eac-99ed-be587EXAMPLE',
        ...response,
      },
    },
  });

const disableImages = ec2Call('DisableImageBlockPublicAccess', '', {
  imageBlockPublicAccessState: 'unblocked',
});

const snapshotState = (state: string) =>
  ec2Call('EnableSnapshotBlockPublicAccess', { State: state }, { state });

export const examples: DetectorExamples = {
  fire: [
    { name: 'AMI block public access disabled', events: [disableImages] },
    {
      name: 'snapshot block public access disabled',
      events: [ec2Call('DisableSnapshotBlockPublicAccess', '', { state: 'unblocked' })],
    },
    { name: 'snapshot block "enabled" as unblocked', events: [snapshotState('unblocked')] },
    {
      name: 'disabling refused for lack of permission: an attempt',
      events: [failed(disableImages, 'Client.UnauthorizedOperation')],
    },
  ],
  noFire: [
    {
      name: 'snapshot block set to block all sharing',
      events: [snapshotState('block-all-sharing')],
    },
    {
      name: 'snapshot block set to block new sharing',
      events: [snapshotState('block-new-sharing')],
    },
    {
      name: 'AMI block enabled',
      events: [
        ec2Call(
          'EnableImageBlockPublicAccess',
          { ImageBlockPublicAccessState: 'block-new-sharing' },
          { imageBlockPublicAccessState: 'block-new-sharing' },
        ),
      ],
    },
    {
      name: 'disabling failed for another reason',
      events: [failed(disableImages, 'Client.InvalidParameterValue')],
    },
  ],
};
