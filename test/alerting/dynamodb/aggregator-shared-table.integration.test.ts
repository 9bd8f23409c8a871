import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { DynamoDbAlertStateStore } from '../../../alerting/dynamodb-state-store.js';
import { learningMarkId } from '../../../alerting/first-seen.js';
import type { AlertStateStore } from '../../../alerting/state-store.js';
import type { CloudTrailEvent, Detector, Finding } from '../../../detectors/types.js';
import { ACCOUNT, identities } from '../../helpers/events.js';
import {
  at,
  bucketPolicyBurst,
  bucketPolicyChanged,
  bucketPolicyNewPrincipal,
  findingFor,
  onDay,
  policyEvent,
} from '../fixtures.js';
import { type LocalDynamo, startLocalDynamo } from './dynalite-server.js';

/**
 * Several Lambda invocations sharing one DynamoDB table (dynalite): each is a
 * fresh aggregator over its own store object, as separate containers would be.
 */

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});

afterAll(async () => {
  await dynamo?.stop();
});

/** A store on a fresh table, counting the conditional writes that lost. */
async function sharedTable() {
  const tableName = await dynamo.createStateTable();
  let conflicts = 0;
  const open = (): AlertStateStore => {
    const store = new DynamoDbAlertStateStore(dynamo.client, tableName);
    return {
      get: (ref) => store.get(ref),
      put: async (ref, state, version, expiresAt) => {
        const written = await store.put(ref, state, version, expiresAt);
        if (written === undefined) conflicts += 1;
        return written;
      },
      seen: (fps) => store.seen(fps),
      markSeen: (fps, expiresAt) => store.markSeen(fps, expiresAt),
      getMarks: (ids) => store.getMarks(ids),
      putMarks: (marks) => store.putMarks(marks),
      expire: (watermark) => store.expire(watermark),
    };
  };
  return { open, conflicts: () => conflicts };
}

/** One invocation up to its flush: a new aggregator on a new store object. */
async function invocation(store: AlertStateStore, findings: readonly Finding[]) {
  const aggregator = new AlertAggregator({ store });
  await aggregator.addAll(findings);
  return { aggregator, ...(await aggregator.flush()) };
}

const redelivered = (event: CloudTrailEvent, detector: Detector = bucketPolicyChanged) =>
  findingFor(structuredClone(event), detector);

describe('AlertAggregator over a shared DynamoDB table', () => {
  it('counts an event delivered by both the S3 and EventBridge paths once', async () => {
    // Prepare: the EventBridge invocation sees the event first and publishes
    const table = await sharedTable();
    const event = policyEvent(at(0));
    const fast = await invocation(table.open(), [findingFor(event)]);
    await fast.aggregator.commit(fast.alerts.map((a) => a.id));

    // Act: the S3 invocation gets the same event and a new one in the window
    const complete = await invocation(table.open(), [
      redelivered(event),
      findingFor(policyEvent(at(5))),
    ]);
    await complete.aggregator.commit(complete.alerts.map((a) => a.id));
    const later = await invocation(table.open(), [findingFor(policyEvent(at(6)))]);

    // Assess: one alert; the group went on counting without re-alerting
    expect(fast.alerts).toHaveLength(1);
    expect(complete.alerts).toEqual([]);
    expect(complete.stats.duplicates).toBe(1);
    expect(later.alerts).toEqual([]);
    const stored = await table.open().get({
      detectorId: bucketPolicyChanged.id,
      dedupKey: fast.alerts[0]?.dedupKey ?? '',
    });
    expect(stored?.state.groups.map((g) => [g.count, g.notified])).toEqual([[2, 'medium']]);
  });

  it('returns an alert that failed to publish again on the redelivered batch, same id', async () => {
    const table = await sharedTable();
    const events = [policyEvent(at(0)), policyEvent(at(1))];
    const failed = await invocation(
      table.open(),
      events.map((e) => findingFor(e)),
    );
    await failed.aggregator.commit([]);

    const retry = await invocation(
      table.open(),
      events.map((e) => redelivered(e)),
    );
    await retry.aggregator.commit(retry.alerts.map((a) => a.id));
    const third = await invocation(
      table.open(),
      events.map((e) => redelivered(e)),
    );

    expect(retry.alerts.map((a) => [a.id, a.count])).toEqual([[failed.alerts[0]?.id, 2]]);
    expect(third.alerts).toEqual([]);
  });

  it('merges two invocations that wrote the same key at once, reaching a threshold together', async () => {
    // Prepare: 3 and 2 findings of a 5-in-5-minutes threshold, read from the same empty state
    const table = await sharedTable();
    const burst = (minutes: number) => findingFor(policyEvent(at(minutes)), bucketPolicyBurst);
    const a = await invocation(table.open(), [burst(0), burst(0.5), burst(1)]);
    const b = await invocation(table.open(), [burst(1.5), burst(2)]);

    // Act: both commit at the same time; one loses the condition and merges
    await Promise.all([a.aggregator.commit([]), b.aggregator.commit([])]);
    const next = await invocation(table.open(), [burst(3)]);

    // Assess
    expect([a.alerts, b.alerts]).toEqual([[], []]);
    expect(table.conflicts()).toBeGreaterThanOrEqual(1);
    expect(next.alerts.map((x) => x.count)).toEqual([6]);
  });

  it('persists first-seen marks and the learning start for later invocations', async () => {
    // Prepare: learning in the first invocation (day 0), a new key after it (day 8)
    const table = await sharedTable();
    const change = (day: number, user: string) =>
      findingFor(
        policyEvent(onDay(day), 'data-bucket', { userIdentity: identities.iamUser(user) }),
        bucketPolicyNewPrincipal,
      );
    const learning = await invocation(table.open(), [change(0, 'alice')]);
    await learning.aggregator.commit([]);

    // Act
    const afterLearning = await invocation(table.open(), [change(8, 'alice'), change(8, 'bob')]);
    await afterLearning.aggregator.commit(afterLearning.alerts.map((a) => a.id));
    const nextDay = await invocation(table.open(), [change(9, 'bob'), change(9, 'carol')]);

    // Assess
    expect(learning.stats.learned).toBe(1);
    expect(afterLearning.alerts.map((a) => a.principal)).toEqual([
      `arn:aws:iam::${ACCOUNT}:user/bob`,
    ]);
    expect(afterLearning.stats.alreadyKnown).toBe(1);
    expect(nextDay.alerts.map((a) => a.principal)).toEqual([`arn:aws:iam::${ACCOUNT}:user/carol`]);
    expect(await table.open().getMarks([learningMarkId(bucketPolicyNewPrincipal.id)])).toEqual([
      { since: Date.parse(onDay(0)) / 1000 },
    ]);
  });
});
