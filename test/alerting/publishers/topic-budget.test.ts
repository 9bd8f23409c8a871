import {
  AuthorizationErrorException,
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../alerting/alert.js';
import { SnsAlertPublisher } from '../../../alerting/publishers/sns.js';
import { SUMMARY_DETECTOR_ID, summaryAlert } from '../../../alerting/publishers/summary-alert.js';
import { TopicBudget } from '../../../alerting/publishers/topic-budget.js';
import type { Severity } from '../../../detectors/types.js';
import { alertFixture } from '../fixtures.js';

const ROUTINE = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
const PAGING = 'arn:aws:sns:us-east-1:111122223333:trailwatch-paging';
const snsMock = mockClient(SNSClient);
const noWait = { sleep: async () => {}, random: () => 0.5 };

/** `n` distinct alerts of `detectors` detectors, round robin. */
function storm(n: number, detectors: number, severity: Severity = 'medium'): Alert[] {
  return Array.from({ length: n }, (_, i) =>
    alertFixture({
      id: i.toString(16).padStart(64, '0'),
      detector: `detector-${i % detectors}`,
      severity,
      eventIds: [`evt-${i}`],
      count: 10,
    }),
  );
}

function sentBodies(): { topic: string | undefined; alert: Alert }[] {
  return snsMock.commandCalls(PublishCommand).map((call) => {
    const input = call.args[0].input as PublishCommandInput;
    const message = JSON.parse(input.Message ?? '{}') as { default?: string };
    return { topic: input.TopicArn, alert: JSON.parse(message.default ?? '{}') as Alert };
  });
}

describe('TopicBudget', () => {
  const claim = (detector: string, severity: Severity = 'medium') => ({ detector, severity });

  it('allows maxAlerts per destination within a sliding window', () => {
    // Prepare: one detector per alert, so only the destination's pool limits them.
    let now = 0;
    const budget = new TopicBudget({ maxAlerts: 2, windowMs: 1000, now: () => now });
    const take = (destination: string, detector: string) =>
      budget.take(destination, claim(detector)).granted;

    // Act / Assess
    expect([take('a', 'd1'), take('a', 'd2'), take('a', 'd3')]).toEqual([true, true, false]);
    expect(budget.take('a', claim('d4'))).toEqual({ granted: false, limit: 'destination' });
    expect(take('b', 'd1')).toBe(true);
    now = 999;
    expect(take('a', 'd5')).toBe(false);
    now = 1000;
    expect(take('a', 'd6')).toBe(true);
  });

  it('limits each detector to its share per severity, leaving the rest to other detectors', () => {
    // Prepare
    const budget = new TopicBudget({ maxAlerts: 20, now: () => 0 });
    const flood = Array.from({ length: 25 }, () => budget.take('a', claim('noisy')).granted);

    // Act / Assess: 5 of the flood went out; another detector and another severity still may.
    expect(flood.filter(Boolean)).toHaveLength(5);
    expect(budget.take('a', claim('noisy'))).toEqual({ granted: false, limit: 'detector' });
    expect(budget.take('a', claim('quiet')).granted).toBe(true);
    expect(budget.take('a', claim('noisy', 'high')).granted).toBe(true);
  });

  it('keeps a reserve only critical alerts may use', () => {
    // Prepare: the shared pool is spent by four detectors at their full share.
    const budget = new TopicBudget({ maxAlerts: 20, now: () => 0 });
    for (let d = 0; d < 4; d++) for (let i = 0; i < 5; i++) budget.take('a', claim(`d${d}`));

    // Act / Assess
    expect(budget.take('a', claim('d9', 'high'))).toEqual({
      granted: false,
      limit: 'destination',
    });
    expect(budget.take('a', claim('cloudtrail-logging-stopped', 'critical')).granted).toBe(true);
  });

  it('gives a slot back for an alert that failed to publish', () => {
    const budget = new TopicBudget({ maxAlerts: 1, now: () => 0 });
    const first = budget.take('a', claim('d1'));
    expect(first.granted).toBe(true);
    if (first.granted) budget.refund(first.slot);
    expect(budget.take('a', claim('d1')).granted).toBe(true);
    expect(budget.take('a', claim('d1')).granted).toBe(false);
  });

  it('falls back to the defaults for nonsense limits', () => {
    const budget = new TopicBudget({ maxAlerts: -3, windowMs: Number.NaN, maxPerDetector: 0 });
    expect([
      budget.maxAlerts,
      budget.windowMs,
      budget.maxPerDetector,
      budget.criticalReserve,
    ]).toEqual([20, 60_000, 5, 20]);
  });
});

describe('summaryAlert', () => {
  it('stands for every folded alert: worst severity, total count, span, detectors and ids', () => {
    // Prepare
    const folded = [
      ...storm(3, 3),
      alertFixture({ id: 'f'.repeat(64), severity: 'critical', detector: 'root-login' }),
    ];

    // Act
    const summary = summaryAlert(PAGING, folded, new TopicBudget({ maxAlerts: 5 }));

    // Assess
    expect(summary).toMatchObject({
      detector: SUMMARY_DETECTOR_ID,
      severity: 'critical',
      count: 33,
      suppressedAlerts: 4,
      title: 'Alert storm: 4 alerts summarised',
      dedupKey: `summary:${PAGING}`,
    });
    expect(summary.summary).toContain(
      'over its budget (5 per 60 s, 1 per detector and severity, 5 more for critical): ' +
        'root-login x1 (critical), detector-0 x1',
    );
    expect(summary.summary).toContain('ffffffffffff');
    expect(summary.eventIds).toEqual(expect.arrayContaining(['evt-0', 'evt-1', 'evt-2']));
  });

  it('gets the same id whatever the order of the folded alerts', () => {
    const folded = storm(5, 2);
    const budget = new TopicBudget({ maxAlerts: 1, windowMs: 1000 });
    expect(summaryAlert(ROUTINE, folded, budget).id).toBe(
      summaryAlert(ROUTINE, [...folded].reverse(), budget).id,
    );
    expect(summaryAlert(PAGING, folded, budget).id).not.toBe(
      summaryAlert(ROUTINE, folded, budget).id,
    );
  });
});

describe('SnsAlertPublisher with a topic budget', () => {
  beforeEach(() => {
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('sends the most urgent alerts one by one and folds the rest of a topic into one summary', async () => {
    // Prepare: 40 alerts of 8 detectors, two of them critical and last in the list;
    // 8 shared slots, 2 per detector and severity.
    const alerts = [...storm(38, 8), ...storm(2, 1, 'critical').map(withId('c'))];
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, {
      ...noWait,
      budget: { maxAlerts: 8 },
    });

    // Act
    const result = await publisher.publish(alerts);

    // Assess: 2 critical + 8 medium single messages + 1 summary; every alert acknowledged.
    const sent = sentBodies();
    expect(sent).toHaveLength(11);
    expect(sent.slice(0, 10).filter((s) => s.alert.severity === 'critical')).toHaveLength(2);
    const summary = sent.find((s) => s.alert.detector === SUMMARY_DETECTOR_ID)?.alert;
    expect(summary?.suppressedAlerts).toBe(30);
    expect(summary?.count).toBe(300);
    expect(new Set(result.published)).toEqual(new Set(alerts.map((a) => a.id)));
    expect(result.failed).toEqual([]);
    expect(result.degraded).toHaveLength(30);
    expect(result.degraded?.[0]?.reason).toContain(`summary alert ${summary?.id}`);
  });

  it('keeps a separate budget per topic, so paging is not starved by routine alerts', async () => {
    // Prepare
    const alerts = [...storm(10, 3, 'low'), ...storm(3, 3, 'critical').map(withId('c'))];
    const publisher = new SnsAlertPublisher(
      new SNSClient({}),
      (severity) => (severity === 'critical' ? PAGING : ROUTINE),
      { ...noWait, budget: { maxAlerts: 2 } },
    );

    // Act
    await publisher.publish(alerts);

    // Assess: paging gets its three criticals one by one; routine 2 singles + 1 summary.
    const sent = sentBodies();
    const onPaging = sent.filter((s) => s.topic === PAGING);
    const onRoutine = sent.filter((s) => s.topic === ROUTINE);
    expect(onPaging.map((s) => s.alert.detector).sort()).toEqual([
      'detector-0',
      'detector-1',
      'detector-2',
    ]);
    expect(onRoutine).toHaveLength(3);
    expect(onRoutine.find((s) => s.alert.detector === SUMMARY_DETECTOR_ID)?.alert).toMatchObject({
      severity: 'low',
      suppressedAlerts: 8,
    });
  });

  it('carries the budget across batches within the window, then frees it', async () => {
    // Prepare: shares as large as the pool, so only the shared slots count here.
    let now = 0;
    const budget = new TopicBudget({
      maxAlerts: 3,
      maxPerDetector: 3,
      windowMs: 60_000,
      now: () => now,
    });
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, { ...noWait, budget });

    // Act
    await publisher.publish(storm(2, 1).map(withId('1')));
    await publisher.publish(storm(3, 1).map(withId('2')));
    const beforeWindowEnds = sentBodies().length;
    now = 60_000;
    await publisher.publish(storm(3, 1).map(withId('3')));

    // Assess: 2 + (1 + summary of 2) = 4, then a fresh window: 3 singles.
    expect(beforeWindowEnds).toBe(4);
    expect(sentBodies().length).toBe(7);
  });

  it('reports every folded alert failed when its summary cannot be published', async () => {
    // Prepare: the first publish passes, then the topic refuses everything.
    snsMock
      .on(PublishCommand)
      .resolvesOnce({ MessageId: 'm-1' })
      .rejects(new AuthorizationErrorException({ message: 'not authorized', $metadata: {} }));
    const alerts = storm(4, 2);
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, {
      ...noWait,
      budget: { maxAlerts: 1 },
    });

    // Act
    const result = await publisher.publish(alerts);

    // Assess: nothing folded is acknowledged, so the batch is delivered again.
    expect(result.published).toHaveLength(1);
    expect(result.failed).toHaveLength(3);
    expect(result.failed[0]?.reason).toMatch(
      /summary alert [0-9a-f]{64} failed: AuthorizationError/,
    );
  });

  it('gives the slot of a failed single alert back for the retry', async () => {
    // Prepare
    snsMock
      .on(PublishCommand)
      .rejectsOnce(new AuthorizationErrorException({ message: 'denied', $metadata: {} }))
      .resolves({ MessageId: 'm-2' });
    const budget = new TopicBudget({ maxAlerts: 1, now: () => 0 });
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, { ...noWait, budget });
    const [alert] = storm(1, 1) as [Alert];

    // Act
    const first = await publisher.publish([alert]);
    const retry = await publisher.publish([alert]);

    // Assess: the retry goes out on its own, not inside a summary.
    expect(first.failed).toHaveLength(1);
    expect(retry).toEqual({ published: [alert.id], failed: [] });
  });
});

describe('SnsAlertPublisher: one detector cannot starve another', () => {
  /** The handlers' budget: 20 per topic per minute (infra/handlers/publisher.ts). */
  const handlerBudget = () => new TopicBudget({ maxAlerts: 20, windowMs: 60_000, now: () => 0 });
  const alert = (detector: string, severity: Severity, i: number) =>
    alertFixture({
      id: `${detector}-${i}`.padEnd(64, '0'),
      detector,
      severity,
      eventIds: [`evt-${detector}-${i}`],
    });
  /** Publishes one alert per call, as the EventBridge function does (one event per invocation). */
  async function oneByOne(publisher: SnsAlertPublisher, alerts: readonly Alert[]) {
    for (const a of alerts) await publisher.publish([a]);
  }

  beforeEach(() => {
    snsMock.reset();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes a critical of another detector on its own after a flood of 25 critical alerts', async () => {
    // Prepare: 25 forged root logins, then the real DeleteTrail.
    const publisher = new SnsAlertPublisher(new SNSClient({}), PAGING, {
      ...noWait,
      budget: handlerBudget(),
    });
    await oneByOne(
      publisher,
      Array.from({ length: 25 }, (_, i) => alert('root-account-used', 'critical', i)),
    );
    snsMock.resetHistory();

    // Act
    const result = await publisher.publish([alert('cloudtrail-logging-stopped', 'critical', 0)]);

    // Assess: one message, the alert itself, not a storm summary.
    expect(result.degraded).toBeUndefined();
    expect(sentBodies().map((s) => s.alert.detector)).toEqual(['cloudtrail-logging-stopped']);
  });

  it('publishes an alert of another detector on its own after a flood of 25 medium alerts', async () => {
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, {
      ...noWait,
      budget: handlerBudget(),
    });
    await oneByOne(
      publisher,
      Array.from({ length: 25 }, (_, i) => alert('iam-user-created', 'medium', i)),
    );
    snsMock.resetHistory();

    await publisher.publish([alert('s3-bucket-policy-public', 'medium', 0)]);

    expect(sentBodies().map((s) => s.alert.detector)).toEqual(['s3-bucket-policy-public']);
  });

  it("does not let a detector's flood of failed attempts fold its own critical success", async () => {
    // Prepare: 25 denied StopLogging attempts (lower severity), then one that succeeded.
    const publisher = new SnsAlertPublisher(new SNSClient({}), PAGING, {
      ...noWait,
      budget: handlerBudget(),
    });
    await oneByOne(
      publisher,
      Array.from({ length: 25 }, (_, i) => alert('cloudtrail-logging-stopped', 'high', i)),
    );
    snsMock.resetHistory();

    // Act
    await publisher.publish([alert('cloudtrail-logging-stopped', 'critical', 99)]);

    // Assess: the alert itself, not a (critical) storm summary.
    expect(sentBodies().map((s) => [s.alert.detector, s.alert.severity])).toEqual([
      ['cloudtrail-logging-stopped', 'critical'],
    ]);
  });

  it('still bounds what a topic receives when every detector floods at once', async () => {
    // Prepare: 30 detectors, each with 10 critical and 10 high alerts, in one batch.
    const publisher = new SnsAlertPublisher(new SNSClient({}), PAGING, {
      ...noWait,
      budget: handlerBudget(),
    });
    const alerts = Array.from({ length: 30 }, (_, d) =>
      Array.from({ length: 10 }, (_, i) => [
        alert(`detector-${d}`, 'critical', i),
        alert(`detector-${d}`, 'high', i),
      ]),
    ).flat(2);

    // Act
    const result = await publisher.publish(alerts);

    // Assess: 20 shared + 20 reserved single messages, then one summary; nothing lost.
    const sent = sentBodies();
    expect(sent.filter((s) => s.alert.detector !== SUMMARY_DETECTOR_ID)).toHaveLength(40);
    expect(sent.filter((s) => s.alert.detector === SUMMARY_DETECTOR_ID)).toHaveLength(1);
    expect(result.published).toHaveLength(600);
  });
});

function withId(prefix: string) {
  return (alert: Alert, i: number): Alert => ({
    ...alert,
    id: `${prefix}${i.toString(16)}`.padEnd(64, '0'),
  });
}
