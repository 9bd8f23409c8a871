import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { SnsAlertPublisher } from '../../alerting/publishers/sns.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { parseDetectorSettings } from '../../detectors/settings.js';
import { deliver } from '../../infra/handlers/deliver.js';
import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import type { IngestItem } from '../../ingest/types.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';
import { logGz, logKey, notification, PipelineHarness, sqsRecord } from './support.js';

/**
 * Floods: a million matching events become one alert with a count, not a million
 * messages; the aggregator keeps a count, not the events.
 */

const DETECTOR = 'securityhub-disabled-or-suppressed';
const START = Date.parse('2026-11-20T10:00:00Z');

/** DisableSecurityHub by one user: exactly one detector matches it. */
function disable(i: number, spreadSeconds: number, total: number): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'securityhub.amazonaws.com',
    eventName: 'DisableSecurityHub',
    userIdentity: identities.iamUser('flooder'),
    eventID: `flood-${i}`,
    eventTime: new Date(START + Math.floor((i / total) * spreadSeconds) * 1000)
      .toISOString()
      .replace('.000', ''),
  });
}

describe('Floods', () => {
  const sns = mockClient(SNSClient);
  afterAll(() => sns.restore());

  it('turns 1,000,000 matching events into one SNS message with count 1,000,000', async () => {
    // Prepare: events built on the fly, spread over 50 minutes (one dedup window).
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm' });
    const total = 1_000_000;
    const engine = new DetectorEngine(BUILTIN_DETECTORS, {
      settings: parseDetectorSettings(undefined),
    });
    function* items(): Generator<IngestItem> {
      for (let i = 0; i < total; i++) {
        yield { kind: 'event', event: disable(i, 3000, total), source: { object: 'flood' } };
      }
    }

    // Act
    const outcome = await deliver(items(), {
      engine,
      publisher: new SnsAlertPublisher(new SNSClient({}), 'arn:aws:sns:us-east-1:111122223333:t'),
      onIngestError: () => undefined,
    });

    // Assess
    const calls = sns.commandCalls(PublishCommand);
    expect(outcome.input.events).toBe(total);
    expect(calls).toHaveLength(1);
    const alert = JSON.parse(JSON.parse(calls[0]?.args[0].input.Message ?? '{}').default);
    expect(alert).toMatchObject({ detector: DETECTOR, count: total });
    expect(alert.eventIds).toHaveLength(50);
  }, 180_000);

  it('keeps one alert across 20 log files of 10,000 events in 20 invocations, counting all 200,000', async () => {
    // Prepare: the Lambda path, one shared store.
    sns.restore();
    const store = new InMemoryAlertStateStore();
    const harness = new PipelineHarness({ store });
    const files = 20;
    const per = 10_000;
    for (let f = 0; f < files; f++) {
      const records = Array.from({ length: per }, (_, i) =>
        disable(f * per + i, 3000, files * per),
      );
      harness.objects.set(logKey(`flood-${f}`), logGz(records));
    }

    // Act
    for (let f = 0; f < files; f++) {
      const failed = await harness.sqs([sqsRecord(`f-${f}`, notification([logKey(`flood-${f}`)]))]);
      expect(failed).toEqual([]);
    }

    // Assess: one message; the stored group counts every event.
    const sent = harness.deliveries.filter((d) => d.alert.detector === DETECTOR);
    expect(sent).toHaveLength(1);
    const [stored] = [
      await store.get({ detectorId: DETECTOR, dedupKey: sent[0]?.alert.dedupKey ?? '' }),
    ];
    expect(stored?.state.groups.reduce((n, g) => n + g.count, 0)).toBe(files * per);
    harness.restore();
  }, 180_000);
});
