import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { SuppressingSink } from '../../../alerting/config/suppressing-sink.js';
import { runPipeline } from '../../../alerting/pipeline.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { HandlerConfigError, readHandlerConfig } from '../../../infra/handlers/config.js';
import { fromEventBridge } from '../../../ingest/index.js';
import { identities } from '../../helpers/events.js';
import { ENV, eventBridgeEvent, stopLogging } from './factories.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

const CONFIG_YAML = `settings:
  trustedAccounts: ['444455556666']
detectors:
  root-account-used: { enabled: false }
  cloudtrail-logging-stopped: { severity: high }
suppressions:
  - id: ci
    reason: CI restarts the trail on deploys
    principals: ['arn:aws:iam::111122223333:role/ci-*']
    expires: 2026-12-31
  - id: finished-migration
    reason: trail migration
    accounts: ['111122223333']
    expires: 2026-01-31
`;

const read = (env: NodeJS.ProcessEnv) => readHandlerConfig({ ...ENV, ...env }, undefined, NOW);

/** The Lambda pipeline as the handlers run it: tuned engine, suppressions before the aggregator. */
async function runLambdaPipeline(env: NodeJS.ProcessEnv, role: string, now = NOW) {
  const config = read(env);
  const engine = new DetectorEngine(config.detectors, { settings: config.settings });
  const sink = new SuppressingSink(new AlertAggregator(), config.suppressions, {
    clock: () => now,
  });
  const event = { ...stopLogging(), userIdentity: identities.assumedRole(role, 'run-1') };
  const result = await runPipeline(
    fromEventBridge(eventBridgeEvent(event), { object: 'eventbridge:test' }),
    engine,
    sink,
  );
  return { alerts: result.alerts, suppressed: sink.suppressed };
}

describe('readHandlerConfig: TRAILWATCH_CONFIG', () => {
  it('reads settings, overrides and suppressions from YAML', () => {
    const config = read({ TRAILWATCH_CONFIG: CONFIG_YAML });
    expect(config.settings.trustedAccounts).toEqual(['444455556666']);
    const ids = config.detectors.map((d) => d.id);
    expect(ids).not.toContain('root-account-used');
    expect(ids).toContain('access-denied-burst');
    expect(config.detectors.find((d) => d.id === 'cloudtrail-logging-stopped')?.severity).toBe(
      'high',
    );
    expect(config.suppressions.rules.map((r) => r.id)).toEqual(['ci', 'finished-migration']);
    expect(config.warnings).toEqual([
      'suppression finished-migration expired (2026-01-31) and is ignored',
    ]);
  });

  it('reads the same config as JSON', () => {
    const json = JSON.stringify({ detectors: { 'root-account-used': { enabled: false } } });
    const config = read({ TRAILWATCH_CONFIG: json });
    expect(config.detectors.map((d) => d.id)).not.toContain('root-account-used');
    expect(config.warnings).toEqual([]);
  });

  it('suppresses and overrides in the Lambda pipeline', async () => {
    const env = { TRAILWATCH_CONFIG: CONFIG_YAML };
    const ci = await runLambdaPipeline(env, 'ci-deployer');
    expect(ci.alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped')).toEqual([]);
    expect(ci.suppressed.get('ci')).toBeGreaterThanOrEqual(1);

    const admin = await runLambdaPipeline(env, 'Admin');
    const stopped = admin.alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped');
    expect(stopped.map((a) => a.severity)).toEqual(['high']);
  });

  it('stops suppressing once the expiry passes, in the same warm container', async () => {
    const later = Date.parse('2027-01-01T00:00:00Z');
    const ci = await runLambdaPipeline({ TRAILWATCH_CONFIG: CONFIG_YAML }, 'ci-deployer', later);
    expect(ci.alerts.map((a) => a.detector)).toContain('cloudtrail-logging-stopped');
    expect(ci.suppressed.size).toBe(0);
  });

  it('fails at start-up naming the variable, line and key', () => {
    const bad = CONFIG_YAML.replace('severity: high', 'severity: urgent');
    expect(() => read({ TRAILWATCH_CONFIG: bad })).toThrow(HandlerConfigError);
    expect(() => read({ TRAILWATCH_CONFIG: bad })).toThrow(
      /TRAILWATCH_CONFIG:5:33: detectors\.cloudtrail-logging-stopped\.severity: must be one of/,
    );
  });
});

describe('readHandlerConfig: TRAILWATCH_SETTINGS (deprecated)', () => {
  it('still reads bare settings, with a deprecation warning', () => {
    const config = read({ TRAILWATCH_SETTINGS: '{"trustedAccounts": ["444455556666"]}' });
    expect(config.settings.trustedAccounts).toEqual(['444455556666']);
    expect(config.warnings).toEqual(['TRAILWATCH_SETTINGS is deprecated: use TRAILWATCH_CONFIG']);
  });

  it('names the variable and key of a bad setting', () => {
    expect(() => read({ TRAILWATCH_SETTINGS: '{"trustedAcounts": []}' })).toThrow(
      /TRAILWATCH_SETTINGS:1:2: settings\.trustedAcounts: unknown key/,
    );
  });

  it('refuses both variables at once rather than ignore one', () => {
    expect(() =>
      read({ TRAILWATCH_CONFIG: 'settings: {}', TRAILWATCH_SETTINGS: '{"logBuckets": []}' }),
    ).toThrow(/both set/);
  });

  it('runs every built-in detector when neither is set', () => {
    const config = read({});
    expect(config.detectors.length).toBeGreaterThan(100);
    expect(config.suppressions.rules).toEqual([]);
    expect(config.warnings).toEqual([]);
  });
});
