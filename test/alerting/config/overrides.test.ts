import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import type { Alert } from '../../../alerting/alert.js';
import { parseConfig } from '../../../alerting/config/load.js';
import { applyDetectorOverrides } from '../../../alerting/config/overrides.js';
import { accessDeniedBurst } from '../../../detectors/account/access-denied-burst.js';
import { rootAccountUsed } from '../../../detectors/account/root-account-used.js';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS, type Detector } from '../../../detectors/types.js';
import { cloudTrailEvent, failed, identities } from '../../helpers/events.js';

const CATALOG = [accessDeniedBurst, rootAccountUsed, cloudtrailLoggingStopped];

/** Detectors tuned by a YAML config, as the CLI and the Lambdas build them. */
function tuned(yaml: string): Detector[] {
  const config = parseConfig(yaml, { source: 'test.yaml', catalog: BUILTIN_DETECTORS });
  return applyDetectorOverrides(CATALOG, config.detectors);
}

async function alertsOf(
  detectors: readonly Detector[],
  events: CloudTrailEvent[],
): Promise<Alert[]> {
  const engine = new DetectorEngine(detectors, { settings: DEFAULT_SETTINGS });
  const aggregator = new AlertAggregator();
  for (const event of events) {
    for (const finding of engine.evaluate(event)) await aggregator.add(finding);
  }
  return [...(await aggregator.flush()).alerts];
}

const rootConsoleLogin = () =>
  cloudTrailEvent({
    userIdentity: identities.root(),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: 'No' },
  });

/** `n` denied calls by one user, `gapSeconds` apart from 10:00Z. */
const denials = (n: number, gapSeconds: number) =>
  Array.from({ length: n }, (_, i) =>
    failed(
      cloudTrailEvent({
        eventName: 'ListRoles',
        eventTime: new Date(
          Date.parse('2026-11-20T10:00:00Z') + i * gapSeconds * 1000,
        ).toISOString(),
      }),
    ),
  );

const stopLogging = (eventTime: string) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    eventTime,
    requestParameters: { name: 'org-trail' },
  });

describe('applyDetectorOverrides', () => {
  it('sets the severity of every alert, escalated events included', async () => {
    const before = await alertsOf(CATALOG, [rootConsoleLogin()]);
    expect(before.map((a) => [a.detector, a.severity])).toEqual([
      ['root-account-used', 'critical'],
    ]);
    const after = await alertsOf(tuned('detectors:\n  root-account-used: {severity: low}\n'), [
      rootConsoleLogin(),
    ]);
    expect(after.map((a) => [a.detector, a.severity])).toEqual([['root-account-used', 'low']]);
  });

  it('removes a disabled detector from the run', async () => {
    const detectors = tuned('detectors:\n  cloudtrail-logging-stopped: {enabled: false}\n');
    expect(detectors.map((d) => d.id)).toEqual(['access-denied-burst', 'root-account-used']);
    expect(await alertsOf(detectors, [stopLogging('2026-11-20T10:00:00Z')])).toEqual([]);
    expect(await alertsOf(CATALOG, [stopLogging('2026-11-20T10:00:00Z')])).toHaveLength(1);
  });

  it('changes when a threshold detector fires (count)', async () => {
    expect(await alertsOf(CATALOG, denials(5, 10))).toEqual([]);
    const lowered = tuned('detectors:\n  access-denied-burst:\n    threshold: {count: 5}\n');
    const alerts = await alertsOf(lowered, denials(5, 10));
    expect(alerts.map((a) => [a.detector, a.count])).toEqual([['access-denied-burst', 5]]);
    expect(await alertsOf(lowered, denials(4, 10))).toEqual([]);
  });

  it('changes when a threshold detector fires (window), keeping the count', async () => {
    // 20 denials 60 s apart span 19 minutes: outside the default 10-minute window.
    expect(await alertsOf(CATALOG, denials(20, 60))).toEqual([]);
    const widened = tuned(
      'detectors:\n  access-denied-burst:\n    threshold: {windowSeconds: 1800}\n',
    );
    expect(widened.find((d) => d.id === 'access-denied-burst')?.threshold).toEqual({
      count: 20,
      windowSeconds: 1800,
    });
    expect(await alertsOf(widened, denials(20, 60))).toHaveLength(1);
  });

  it('gives a detector without a threshold one when both fields are set', async () => {
    const detectors = tuned(
      'detectors:\n  cloudtrail-logging-stopped:\n    threshold: {count: 2, windowSeconds: 600}\n',
    );
    expect(await alertsOf(detectors, [stopLogging('2026-11-20T10:00:00Z')])).toEqual([]);
    const two = [stopLogging('2026-11-20T10:00:00Z'), stopLogging('2026-11-20T10:05:00Z')];
    expect(await alertsOf(detectors, two)).toHaveLength(1);
  });

  it('groups findings over the overridden dedup window', async () => {
    const events = [stopLogging('2026-11-20T10:00:00Z'), stopLogging('2026-11-20T13:00:00Z')];
    expect(await alertsOf(CATALOG, events)).toHaveLength(2);
    const widened = tuned(
      'detectors:\n  cloudtrail-logging-stopped: {dedupWindowSeconds: 86400}\n',
    );
    const alerts = await alertsOf(widened, events);
    expect(alerts.map((a) => a.count)).toEqual([2]);
  });

  it('leaves the shared catalog objects untouched', () => {
    const detectors = tuned(
      'detectors:\n  root-account-used: {severity: low, dedupWindowSeconds: 60}\n',
    );
    expect(rootAccountUsed.severity).toBe('high');
    expect(rootAccountUsed.dedupWindowSeconds).toBe(3600);
    expect(detectors[1]).not.toBe(rootAccountUsed);
    expect(detectors[0]).toBe(accessDeniedBurst);
  });
});
