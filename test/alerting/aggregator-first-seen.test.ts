import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { AlertStateConflictError } from '../../alerting/errors.js';
import { keyMarkId, learningMarkId } from '../../alerting/first-seen.js';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type { AlertStateStore } from '../../alerting/state-store.js';
import type { CloudTrailEvent, Detector, Finding } from '../../detectors/types.js';
import { ACCOUNT, identities } from '../helpers/events.js';
import { bucketPolicyNewPrincipal, findingFor, onDay, policyEvent } from './fixtures.js';

const DETECTOR = bucketPolicyNewPrincipal.id;

/** `user` changes a bucket policy on `day` (in `region`). */
function changeEvent(day: number, user: string, region = 'eu-west-1'): CloudTrailEvent {
  return policyEvent(onDay(day), 'data-bucket', {
    userIdentity: identities.iamUser(user),
    awsRegion: region,
  });
}

const change = (day: number, user: string, detector: Detector = bucketPolicyNewPrincipal) =>
  findingFor(changeEvent(day, user), detector);

const principal = (user: string) => `arn:aws:iam::${ACCOUNT}:user/${user}`;

/** The store's methods as plain functions, to override some in a test double. */
function bind(store: InMemoryAlertStateStore): AlertStateStore {
  return {
    get: (ref) => store.get(ref),
    put: (ref, state, version, expiresAt) => store.put(ref, state, version, expiresAt),
    seen: (fps) => store.seen(fps),
    markSeen: (fps, expiresAt) => store.markSeen(fps, expiresAt),
    getMarks: (ids) => store.getMarks(ids),
    putMarks: (marks) => store.putMarks(marks),
    expire: (watermark) => store.expire(watermark),
  };
}

/** One Lambda invocation (or one CLI scan): a fresh aggregator over `store`. */
async function invocation(store: AlertStateStore, findings: readonly Finding[]) {
  const aggregator = new AlertAggregator({ store });
  await aggregator.addAll(findings);
  return { aggregator, ...(await aggregator.flush()) };
}

describe('AlertAggregator: first-seen keys in one batch (a CLI scan)', () => {
  it('learns keys for the first days, then alerts once on each genuinely new key', async () => {
    // Prepare: a month of logs; alice daily, bob in the first week and on day 20,
    // carol first on day 10, dave first on day 25
    const findings: Finding[] = [];
    for (let day = 0; day < 30; day++) {
      findings.push(change(day, 'alice'));
      if (day < 7 || day === 20) findings.push(change(day, 'bob'));
      if (day === 10 || day === 12) findings.push(change(day, 'carol'));
      if (day === 25) findings.push(change(day, 'dave'));
    }

    // Act
    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), findings);

    // Assess
    expect(alerts.map((a) => [a.principal, a.firstSeen, a.count])).toEqual([
      [principal('carol'), '2026-11-30T10:00:00.000Z', 1],
      [principal('dave'), '2026-12-15T10:00:00.000Z', 1],
    ]);
    expect(stats.learned).toBe(14);
    expect(stats.alreadyKnown).toBe(23 + 1 + 1);
    expect(stats.findings).toBe(findings.length);
  });

  it('starts learning at the first finding of the detector, not at the epoch or any clock', async () => {
    const findings = [change(100, 'alice'), change(103, 'carol'), change(108, 'dave')];

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), findings);

    expect(alerts.map((a) => a.principal)).toEqual([principal('dave')]);
    expect(stats.learned).toBe(2);
  });

  it('learns a finding dated before the learning start (files read out of time order)', async () => {
    const findings = [change(10, 'alice'), change(2, 'bob'), change(18, 'bob'), change(18, 'erin')];

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), findings);

    expect(alerts.map((a) => a.principal)).toEqual([principal('erin')]);
    expect(stats).toMatchObject({ learned: 2, alreadyKnown: 1 });
  });

  it('judges keys in processing order when regions are read one after the other', async () => {
    // Prepare: path order reads all of eu-west-1, then all of us-east-1
    const euWest1 = [changeEvent(0, 'alice'), changeEvent(20, 'carol')];
    const usEast1 = [changeEvent(3, 'dave', 'us-east-1'), changeEvent(15, 'carol', 'us-east-1')];

    // Act
    const { alerts, stats } = await invocation(
      new InMemoryAlertStateStore(),
      [...euWest1, ...usEast1].map((e) => findingFor(e, bucketPolicyNewPrincipal)),
    );

    // Assess: carol alerts once, on the event processed first (day 20), though her
    // day-15 event in us-east-1 came earlier in time; dave falls in the learning period.
    expect(alerts.map((a) => [a.principal, a.region, a.firstSeen])).toEqual([
      [principal('carol'), 'eu-west-1', '2026-12-10T10:00:00.000Z'],
    ]);
    expect(stats).toMatchObject({ learned: 2, alreadyKnown: 1 });
  });

  it('forgets a key unseen for forgetAfterDays, counted from its latest sighting', async () => {
    const forgotten = [change(0, 'alice'), change(20, 'alice'), change(51, 'alice')];
    const remembered = [change(0, 'alice'), change(20, 'alice'), change(49, 'alice')];

    const afterForget = await invocation(new InMemoryAlertStateStore(), forgotten);
    const beforeForget = await invocation(new InMemoryAlertStateStore(), remembered);

    expect(afterForget.alerts.map((a) => a.firstSeen)).toEqual(['2027-01-10T10:00:00.000Z']);
    expect(beforeForget.alerts).toEqual([]);
  });

  it('counts a copy of an event in the same batch as a duplicate, not as a known key', async () => {
    const event = changeEvent(10, 'carol');
    const findings = [change(0, 'alice'), findingFor(event, bucketPolicyNewPrincipal)];
    findings.push(findingFor(structuredClone(event), bucketPolicyNewPrincipal));

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), findings);

    expect(alerts.map((a) => a.count)).toEqual([1]);
    expect(stats).toMatchObject({ duplicates: 1, alreadyKnown: 0, learned: 1 });
  });
});

describe('AlertAggregator: first-seen keys across batches (Lambda)', () => {
  it('persists the learning start and keys at commit, for the next invocation', async () => {
    // Prepare
    const store = new InMemoryAlertStateStore();
    const learning = await invocation(
      store,
      [0, 1, 2, 3, 4, 5, 6].map((day) => change(day, 'alice')),
    );
    await learning.aggregator.commit([]);

    // Act
    const later = await invocation(store, [change(10, 'alice'), change(10, 'carol')]);

    // Assess
    expect(learning.alerts).toEqual([]);
    expect(later.alerts.map((a) => a.principal)).toEqual([principal('carol')]);
    expect(later.stats).toMatchObject({ learned: 0, alreadyKnown: 1 });
  });

  it('persists nothing before commit: an uncommitted batch does not start learning', async () => {
    const store = new InMemoryAlertStateStore();
    await invocation(store, [change(0, 'alice')]);

    const next = await invocation(store, [change(10, 'alice'), change(10, 'carol')]);

    expect(await store.getMarks([learningMarkId(DETECTOR)])).toEqual([undefined]);
    expect(next.alerts).toEqual([]);
    expect(next.stats.learned).toBe(2);
  });

  it('extends a known key on each sighting, so forgetting counts from the latest batch', async () => {
    const store = new InMemoryAlertStateStore();
    for (const day of [0, 25]) {
      const run = await invocation(store, [change(day, 'alice')]);
      await run.aggregator.commit([]);
    }

    const last = await invocation(store, [change(50, 'alice')]);

    expect(last.alerts).toEqual([]);
    expect(last.stats.alreadyKnown).toBe(1);
  });

  it('returns an unpublished new-key alert again on redelivery, then stops once published', async () => {
    // Prepare: learning done; carol's alert fails to publish
    const store = new InMemoryAlertStateStore();
    const learning = await invocation(store, [change(0, 'alice')]);
    await learning.aggregator.commit([]);
    const event = changeEvent(10, 'carol');
    const failed = await invocation(store, [findingFor(event, bucketPolicyNewPrincipal)]);
    await failed.aggregator.commit([]);

    // Act: SQS redelivers the batch twice
    const retry = await invocation(store, [
      findingFor(structuredClone(event), bucketPolicyNewPrincipal),
    ]);
    await retry.aggregator.commit(retry.alerts.map((a) => a.id));
    const again = await invocation(store, [
      findingFor(structuredClone(event), bucketPolicyNewPrincipal),
    ]);

    // Assess
    expect(retry.alerts.map((a) => a.id)).toEqual(failed.alerts.map((a) => a.id));
    expect(retry.stats.duplicates).toBe(1);
    expect(again.alerts).toEqual([]);
  });

  it('re-marks a key from a redelivered event when a crash lost the marks of its batch', async () => {
    // Prepare: carol's alert is published and its state written, then the marks write fails
    const store = new InMemoryAlertStateStore();
    const learning = await invocation(store, [change(0, 'alice')]);
    await learning.aggregator.commit([]);
    const crashing: AlertStateStore = {
      ...bind(store),
      putMarks: async () => {
        throw new Error('connection reset');
      },
    };
    const event = changeEvent(10, 'carol');
    const crashed = await invocation(crashing, [findingFor(event, bucketPolicyNewPrincipal)]);
    await crashed.aggregator.commit(crashed.alerts.map((a) => a.id)).catch(() => {});

    // Act: the batch is redelivered and committed; carol comes back the next day
    const redelivered = await invocation(store, [
      findingFor(structuredClone(event), bucketPolicyNewPrincipal),
    ]);
    await redelivered.aggregator.commit([]);
    const nextDay = await invocation(store, [change(11, 'carol')]);

    // Assess
    expect(crashed.alerts).toHaveLength(1);
    expect(redelivered.alerts).toEqual([]);
    expect(nextDay.alerts).toEqual([]);
    expect(nextDay.stats.alreadyKnown).toBe(1);
  });

  it('does not mark a new key whose alert state failed to commit, so a redelivery alerts', async () => {
    // Prepare: learning done; then every write of carol's key conflicts
    const store = new InMemoryAlertStateStore();
    const learning = await invocation(store, [change(0, 'alice')]);
    await learning.aggregator.commit([]);
    const contested: AlertStateStore = {
      ...bind(store),
      put: async (ref, state, version, expiresAt) =>
        ref.dedupKey.includes('carol') ? undefined : store.put(ref, state, version, expiresAt),
    };
    const events = [changeEvent(10, 'carol'), changeEvent(10, 'dave')];
    const run = await invocation(
      contested,
      events.map((e) => findingFor(e, bucketPolicyNewPrincipal)),
    );

    // Act: both alerts went out; carol's state could not be written
    const error = await run.aggregator.commit(run.alerts.map((a) => a.id)).catch((e: unknown) => e);
    const redelivered = await invocation(
      store,
      events.map((e) => findingFor(structuredClone(e), bucketPolicyNewPrincipal)),
    );

    // Assess
    expect(error).toBeInstanceOf(AlertStateConflictError);
    const [carolMark, daveMark] = await store.getMarks([
      keyMarkId(DETECTOR, `${ACCOUNT}|${principal('carol')}`),
      keyMarkId(DETECTOR, `${ACCOUNT}|${principal('dave')}`),
    ]);
    expect(carolMark).toBeUndefined();
    expect(daveMark).toBeDefined();
    const carolAlert = run.alerts.find((a) => a.principal === principal('carol'));
    expect(redelivered.alerts.map((a) => a.id)).toEqual([carolAlert?.id]);
  });
});

describe('AlertAggregator: first-seen odd input', () => {
  it('does not filter a finding without a firstSeenKey: it alerts rather than vanish', async () => {
    const finding = { ...change(0, 'alice'), firstSeenKey: undefined };

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), [finding]);

    expect(alerts).toHaveLength(1);
    expect(stats.learned).toBe(0);
  });

  it('alerts on every finding when forgetAfterDays is not a positive number', async () => {
    const broken: Detector = {
      ...bucketPolicyNewPrincipal,
      firstSeen: { learningDays: 7, forgetAfterDays: 0 },
    };

    const { alerts } = await invocation(new InMemoryAlertStateStore(), [
      change(0, 'alice', broken),
      change(1, 'alice', broken),
    ]);

    expect(alerts).toHaveLength(2);
  });

  it('does not learn when learningDays is not a number, yet remembers keys', async () => {
    const noLearning: Detector = {
      ...bucketPolicyNewPrincipal,
      firstSeen: { learningDays: Number.NaN, forgetAfterDays: 30 },
    };

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), [
      change(0, 'alice', noLearning),
      change(1, 'alice', noLearning),
    ]);

    expect(alerts.map((a) => a.count)).toEqual([1]);
    expect(stats).toMatchObject({ learned: 0, alreadyKnown: 1 });
  });

  it('does not start learning from a finding whose eventTime is not a date', async () => {
    const odd = change(0, 'mallory');
    const undated: Finding = { ...odd, event: { ...odd.event, eventTime: 'not-a-date' } };

    const { alerts, stats } = await invocation(new InMemoryAlertStateStore(), [
      undated,
      change(300, 'alice'),
      change(303, 'bob'),
    ]);

    expect(alerts.map((a) => a.principal)).toEqual([principal('mallory')]);
    expect(stats).toMatchObject({ learned: 2, invalidEventTimes: 1 });
  });

  it('keeps learned keys apart per detector', async () => {
    const other: Detector = { ...bucketPolicyNewPrincipal, id: 'test-other-new-principal' };
    const store = new InMemoryAlertStateStore();
    const learning = await invocation(store, [change(0, 'alice')]);
    await learning.aggregator.commit([]);

    const { alerts, stats } = await invocation(store, [
      change(10, 'alice', other),
      change(15, 'alice', other),
      change(18, 'bob', other),
    ]);

    // The other detector starts its own learning at day 10, so alice is learned there.
    expect(alerts.map((a) => [a.detector, a.principal])).toEqual([
      ['test-other-new-principal', principal('bob')],
    ]);
    expect(stats.learned).toBe(2);
  });
});
