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
  it('allows maxAlerts per destination within a sliding window', () => {
    // Prepare
    let now = 0;
    const budget = new TopicBudget({ maxAlerts: 2, windowMs: 1000, now: () => now });

    // Act / Assess
    expect([budget.take('a'), budget.take('a'), budget.take('a')]).toEqual([true, true, false]);
    expect(budget.take('b')).toBe(true);
    now = 999;
    expect(budget.take('a')).toBe(false);
    now = 1000;
    expect(budget.take('a')).toBe(true);
  });

  it('gives a slot back for an alert that failed to publish', () => {
    const budget = new TopicBudget({ maxAlerts: 1, now: () => 0 });
    expect(budget.take('a')).toBe(true);
    budget.refund('a');
    expect(budget.take('a')).toBe(true);
    expect(budget.take('a')).toBe(false);
  });

  it('falls back to the defaults for nonsense limits', () => {
    const budget = new TopicBudget({ maxAlerts: -3, windowMs: Number.NaN });
    expect([budget.maxAlerts, budget.windowMs]).toEqual([20, 60_000]);
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
    const summary = summaryAlert(PAGING, folded, { maxAlerts: 5, windowMs: 60_000 });

    // Assess
    expect(summary).toMatchObject({
      detector: SUMMARY_DETECTOR_ID,
      severity: 'critical',
      count: 33,
      suppressedAlerts: 4,
      title: 'Alert storm: 4 alerts summarised',
      dedupKey: `summary:${PAGING}`,
    });
    expect(summary.summary).toContain('after 5 in 60 s: root-login x1 (critical), detector-0 x1');
    expect(summary.summary).toContain('ffffffffffff');
    expect(summary.eventIds).toEqual(expect.arrayContaining(['evt-0', 'evt-1', 'evt-2']));
  });

  it('gets the same id whatever the order of the folded alerts', () => {
    const folded = storm(5, 2);
    const budget = { maxAlerts: 1, windowMs: 1000 };
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
    // Prepare: 40 alerts of 8 detectors, two of them critical and last in the list.
    const alerts = [...storm(38, 8), ...storm(2, 1, 'critical').map(withId('c'))];
    const publisher = new SnsAlertPublisher(new SNSClient({}), ROUTINE, {
      ...noWait,
      budget: { maxAlerts: 5 },
    });

    // Act
    const result = await publisher.publish(alerts);

    // Assess: 5 single messages + 1 summary; every alert acknowledged, 35 as degraded.
    const sent = sentBodies();
    expect(sent).toHaveLength(6);
    expect(sent.slice(0, 5).filter((s) => s.alert.severity === 'critical')).toHaveLength(2);
    const summary = sent.find((s) => s.alert.detector === SUMMARY_DETECTOR_ID)?.alert;
    expect(summary?.suppressedAlerts).toBe(35);
    expect(summary?.count).toBe(350);
    expect(new Set(result.published)).toEqual(new Set(alerts.map((a) => a.id)));
    expect(result.failed).toEqual([]);
    expect(result.degraded).toHaveLength(35);
    expect(result.degraded?.[0]?.reason).toContain(`summary alert ${summary?.id}`);
  });

  it('keeps a separate budget per topic, so paging is not starved by routine alerts', async () => {
    // Prepare
    const alerts = [...storm(10, 3, 'low'), ...storm(3, 1, 'critical').map(withId('c'))];
    const publisher = new SnsAlertPublisher(
      new SNSClient({}),
      (severity) => (severity === 'critical' ? PAGING : ROUTINE),
      { ...noWait, budget: { maxAlerts: 2 } },
    );

    // Act
    await publisher.publish(alerts);

    // Assess: per topic 2 singles + 1 summary, the summary on its own topic.
    const sent = sentBodies();
    const onPaging = sent.filter((s) => s.topic === PAGING);
    const onRoutine = sent.filter((s) => s.topic === ROUTINE);
    expect(onPaging).toHaveLength(3);
    expect(onRoutine).toHaveLength(3);
    expect(onPaging.find((s) => s.alert.detector === SUMMARY_DETECTOR_ID)?.alert).toMatchObject({
      severity: 'critical',
      suppressedAlerts: 1,
    });
    expect(onRoutine.find((s) => s.alert.detector === SUMMARY_DETECTOR_ID)?.alert).toMatchObject({
      severity: 'low',
      suppressedAlerts: 8,
    });
  });

  it('carries the budget across batches within the window, then frees it', async () => {
    // Prepare
    let now = 0;
    const budget = new TopicBudget({ maxAlerts: 3, windowMs: 60_000, now: () => now });
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

function withId(prefix: string) {
  return (alert: Alert, i: number): Alert => ({
    ...alert,
    id: `${prefix}${i.toString(16)}`.padEnd(64, '0'),
  });
}
