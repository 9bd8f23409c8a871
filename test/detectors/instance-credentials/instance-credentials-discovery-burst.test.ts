import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { instanceCall, instanceIdentity } from '../../../detectors/examples/instance-events.js';
import { instanceCredentialsDiscoveryBurst } from '../../../detectors/instance-credentials/instance-credentials-discovery-burst.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS } from '../../../detectors/types.js';

const CALLS: readonly [string, string][] = [
  ['sts.amazonaws.com', 'GetCallerIdentity'],
  ['s3.amazonaws.com', 'ListBuckets'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['iam.amazonaws.com', 'ListRoles'],
  ['iam.amazonaws.com', 'ListUsers'],
  ['secretsmanager.amazonaws.com', 'ListSecrets'],
];

/** The calls, one minute apart from `start`, with the given instance's credentials. */
function calls(
  instance: string,
  picked: readonly [string, string][],
  start = 0,
): CloudTrailEvent[] {
  return picked.map(([eventSource, eventName], i) =>
    instanceCall({
      eventSource,
      eventName,
      requestParameters: null,
      userIdentity: instanceIdentity(instance),
      eventTime: new Date(Date.parse('2026-11-20T10:00:00Z') + (start + i) * 60_000).toISOString(),
    }),
  );
}

/** The alerts the real engine and aggregator raise for the events. */
async function alerts(events: readonly CloudTrailEvent[]) {
  const engine = new DetectorEngine([instanceCredentialsDiscoveryBurst], {
    settings: DEFAULT_SETTINGS,
  });
  const aggregator = new AlertAggregator();
  for (const event of events)
    for (const finding of engine.evaluate(event)) await aggregator.add(finding);
  return (await aggregator.flush()).alerts;
}

describe('instance-credentials-discovery-burst', () => {
  it('raises one alert for one instance session’s burst, naming it', async () => {
    const raised = await alerts(calls('i-0598c7d356eba48d7', CALLS));

    expect(raised).toHaveLength(1);
    expect(raised[0]?.resources).toEqual([
      'arn:aws:sts::111122223333:assumed-role/web-proxy-instance-role/i-0598c7d356eba48d7',
    ]);
  });

  it('counts each instance apart: three calls each from two instances are not a burst', async () => {
    const raised = await alerts([
      ...calls('i-0598c7d356eba48d7', CALLS.slice(0, 3)),
      ...calls('i-0a1b2c3d4e5f67890', CALLS.slice(3)),
    ]);

    expect(raised).toEqual([]);
  });

  it('needs the calls within ten minutes', async () => {
    const raised = await alerts([
      ...calls('i-0598c7d356eba48d7', CALLS.slice(0, 3)),
      ...calls('i-0598c7d356eba48d7', CALLS.slice(3), 30),
    ]);

    expect(raised).toEqual([]);
  });
});
