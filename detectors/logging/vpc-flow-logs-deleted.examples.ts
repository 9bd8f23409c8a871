import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

function deleteFlowLogs(ids: readonly string[]) {
  const items = ids.map((content, i) => ({ content, tag: i + 1 }));
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DeleteFlowLogs',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      DeleteFlowLogsRequest: { FlowLogId: items.length === 1 ? items[0] : items },
    },
    responseElements: {
      DeleteFlowLogsResponse: {
        requestId: '9dae3e11-addb-45c7-b564-66f4ceedf949',
        unsuccessful: '',
        xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      },
    },
  });
}

const one = deleteFlowLogs(['fl-0b99f482856f6f98b']);

export const examples: DetectorExamples = {
  fire: [
    { name: 'one flow log is deleted (medium)', events: [one] },
    {
      name: 'three flow logs in one call (high)',
      events: [deleteFlowLogs(['fl-01', 'fl-02', 'fl-03'])],
    },
    {
      name: 'a denied DeleteFlowLogs (an attempt)',
      events: [failed(one, 'Client.UnauthorizedOperation')],
    },
  ],
  noFire: [
    {
      name: 'DeleteFlowLogs of an id that does not exist',
      events: [failed(one, 'InvalidFlowLogId.NotFound')],
    },
    {
      name: 'a dry run',
      events: [failed(one, 'Client.DryRunOperation', 'Request would have succeeded')],
    },
    {
      name: 'every named flow log comes back unsuccessful',
      events: [
        {
          ...one,
          responseElements: {
            DeleteFlowLogsResponse: {
              requestId: 'f2',
              unsuccessful: {
                items: [
                  {
                    resourceId: 'fl-0b99f482856f6f98b',
                    error: { code: 'InvalidFlowLogId.NotFound', message: 'not found' },
                  },
                ],
              },
            },
          },
        },
      ],
    },
    {
      name: 'flow logs are created',
      events: [{ ...one, eventName: 'CreateFlowLogs' }],
    },
  ],
};
