import { describe, expect, it } from 'vitest';
import { vpcFlowLogsDeleted } from '../../../detectors/logging/vpc-flow-logs-deleted.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const deleteFlowLogs = (requestParameters: unknown, responseElements: unknown = null) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DeleteFlowLogs',
    requestParameters: requestParameters as never,
    responseElements: responseElements as never,
  });

describe('Detector: vpc-flow-logs-deleted', () => {
  it('drops ids the response reports as unsuccessful, in the single-item shape', () => {
    const event = deleteFlowLogs(
      {
        DeleteFlowLogsRequest: {
          FlowLogId: [
            { content: 'fl-1', tag: 1 },
            { content: 'fl-2', tag: 2 },
          ],
        },
      },
      {
        DeleteFlowLogsResponse: {
          unsuccessful: {
            item: { resourceId: 'fl-2', error: { code: 'InvalidFlowLogId.NotFound' } },
          },
        },
      },
    );

    expect(detect(vpcFlowLogsDeleted, event)[0]?.resources).toEqual(['fl-1']);
  });

  it('reads plain string ids and rates three or more high', () => {
    const event = deleteFlowLogs({
      flowLogIds: { items: [{ flowLogId: 'fl-a' }, { flowLogId: 'fl-b' }, { flowLogId: 'fl-c' }] },
    });
    const [finding] = detect(vpcFlowLogsDeleted, event);

    expect(finding?.resources).toEqual(['fl-a', 'fl-b', 'fl-c']);
    expect(finding?.severity).toBe('high');
  });

  it('still alerts, at medium, when the record names no flow log', () => {
    const [finding] = detect(vpcFlowLogsDeleted, deleteFlowLogs(null));

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('unknown flow logs');
  });
});
