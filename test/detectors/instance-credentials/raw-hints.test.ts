import { describe, expect, it } from 'vitest';
import { DetectorEngine } from '../../../detectors/engine.js';
import { EXAMPLE_AWS_IP_RANGES } from '../../../detectors/examples/aws-ip-ranges.js';
import { identities } from '../../../detectors/examples/events.js';
import {
  instanceCall,
  LAPTOP_IP,
  USER_AGENTS,
} from '../../../detectors/examples/instance-events.js';
import { examples as desktopExamples } from '../../../detectors/instance-credentials/instance-credentials-desktop-user-agent.examples.js';
import { instanceCredentialsDesktopUserAgent } from '../../../detectors/instance-credentials/instance-credentials-desktop-user-agent.js';
import { examples as discoveryExamples } from '../../../detectors/instance-credentials/instance-credentials-discovery-burst.examples.js';
import { instanceCredentialsDiscoveryBurst } from '../../../detectors/instance-credentials/instance-credentials-discovery-burst.js';
import { examples as outsideExamples } from '../../../detectors/instance-credentials/instance-credentials-outside-aws.examples.js';
import { instanceCredentialsOutsideAws } from '../../../detectors/instance-credentials/instance-credentials-outside-aws.js';
import { lazyReaderFor } from '../../../detectors/record-filter.js';
import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type DetectorExamples,
} from '../../../detectors/types.js';
import { readObject } from '../../../ingest/read-object.js';

const settings = { ...DEFAULT_SETTINGS, awsIpRanges: EXAMPLE_AWS_IP_RANGES };

/** The ids of `events`, written as one compact log file, that the engine's filter parses. */
async function kept(events: readonly CloudTrailEvent[], engine: DetectorEngine) {
  const body = Buffer.from(JSON.stringify({ Records: events }));
  const ids: string[] = [];
  for await (const item of readObject('f.json', body, { lazy: lazyReaderFor(engine) })) {
    if (item.kind === 'event') ids.push(item.event.eventID ?? '');
  }
  return ids;
}

/** The ids of the example events the detector reports when it sees them all. */
function reported(set: DetectorExamples, engine: DetectorEngine) {
  const events = [...set.fire, ...set.noFire].flatMap((example) => example.events);
  return {
    events,
    ids: events.filter((e) => engine.evaluate(e).length > 0).map((e) => e.eventID ?? ''),
  };
}

describe.each([
  [instanceCredentialsDesktopUserAgent, desktopExamples],
  [instanceCredentialsOutsideAws, outsideExamples],
] as const)('%s raw hint', (detector, set) => {
  const engine = new DetectorEngine([detector], { settings });

  it('lets through every example record the detector reports', async () => {
    const { events, ids } = reported(set, engine);

    expect(ids.length).toBeGreaterThan(3);
    expect(await kept(events, engine)).toEqual(expect.arrayContaining(ids));
  });

  it('leaves the instance’s own calls, and people’s sessions from laptops, unparsed', async () => {
    const own = instanceCall({ eventName: 'ListBuckets' });
    const person = instanceCall({
      userIdentity: identities.ssoUser(),
      sourceIPAddress: LAPTOP_IP,
      userAgent: USER_AGENTS.macCli,
    });

    expect(await kept([own, person], engine)).toEqual([]);
  });
});

describe('instance-credentials-outside-aws without ranges', () => {
  it('asks for no record at all', async () => {
    const engine = new DetectorEngine([instanceCredentialsOutsideAws], {
      settings: DEFAULT_SETTINGS,
    });
    const stolen = instanceCall({ sourceIPAddress: LAPTOP_IP, userAgent: USER_AGENTS.macCli });

    expect(instanceCredentialsOutsideAws.rawHint?.({ settings: DEFAULT_SETTINGS })).toBe('never');
    expect(await kept([stolen], engine)).toEqual([]);
  });
});

describe('instance-credentials-discovery-burst raw hint', () => {
  const engine = new DetectorEngine([instanceCredentialsDiscoveryBurst], {
    settings: DEFAULT_SETTINGS,
  });

  it('lets through every example record the detector reports, and no one else’s reads', async () => {
    const { events, ids } = reported(discoveryExamples, engine);
    const someoneElse = instanceCall({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      userIdentity: identities.assumedRole('monitoring', 'poller'),
    });

    expect(ids.length).toBeGreaterThan(5);
    expect(await kept(events, engine)).toEqual(expect.arrayContaining(ids));
    expect(await kept([someoneElse], engine)).toEqual([]);
  });
});
