import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { runPipeline } from '../../alerting/pipeline.js';
import { alertToJson } from '../../alerting/safe-json.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import { lazyReaderFor } from '../../detectors/record-filter.js';
import { DEFAULT_SETTINGS, type Detector, type DetectorSettings } from '../../detectors/types.js';
import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import type { IngestOptions } from '../../ingest/options.js';
import { readObject } from '../../ingest/read-object.js';
import { cloudTrailEvent, failed, identities } from '../helpers/events.js';

const engineWith = (settings: Partial<DetectorSettings> = {}, detectors = BUILTIN_DETECTORS) =>
  new DetectorEngine(detectors, { settings: { ...DEFAULT_SETTINGS, ...settings } });

/** Which of `events`, written as one compact log file, the engine's filter keeps for parsing. */
async function kept(events: readonly CloudTrailEvent[], engine = engineWith()): Promise<string[]> {
  const body = Buffer.from(JSON.stringify({ Records: events }));
  const names: string[] = [];
  for await (const item of readObject('f.json', body, { lazy: lazyReaderFor(engine) })) {
    if (item.kind === 'event') names.push(item.event.eventID ?? '');
  }
  return names;
}

/** An ordinary read no detector looks at, with a readable id. */
const plain = (id: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventID: id,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    readOnly: true,
    ...overrides,
  });

describe('recordFilterFor (lazy reading)', () => {
  it('parses records a detector listens to by name, with or without a version suffix', async () => {
    const ids = await kept([
      plain('read'),
      plain('trail', { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' }),
      plain('lambda', {
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionCode20150331v2',
      }),
    ]);

    expect(ids).toEqual(['trail', 'lambda']);
  });

  it('parses a record when any eventName in it is listened to, nested ones included', async () => {
    const nested = plain('nested', { requestParameters: { filter: { eventName: 'StopLogging' } } });

    expect(await kept([nested, plain('read')])).toEqual(['nested']);
  });

  it('parses records with escapes or without a string eventName', async () => {
    const escaped = plain('escaped', { userAgent: 'agent "quoted"' });
    const numeric = { ...plain('numeric'), eventName: 7 } as unknown as CloudTrailEvent;

    // The numeric one is parsed, then rejected by ingest as it would be anyway.
    expect(await kept([escaped, numeric, plain('read')])).toEqual(['escaped']);
  });

  it('parses what the every-event detectors could match, and only that', async () => {
    const ids = await kept([
      plain('root', { userIdentity: identities.root() }),
      failed(plain('denied'), 'Client.UnauthorizedOperation'),
      plain('instance', {
        userIdentity: identities.assumedRole('web-role', 'i-0123456789abcdef0'),
      }),
      plain('instance-in-vpc', {
        userIdentity: identities.assumedRole('web-role', 'i-0123456789abcdef0'),
        sourceIPAddress: '10.0.1.5',
      }),
      plain('kali', { userAgent: 'aws-cli/2.15 Python/3.11.8+KALI Linux/6.5.0' }),
      plain('session', { userIdentity: identities.assumedRole('web-role', 'alice') }),
      plain('read'),
    ]);

    expect(ids).toEqual(['root', 'denied', 'instance', 'kali']);
  });

  it('checks regions only once allowed regions are set', async () => {
    const events = [
      plain('eu', { awsRegion: 'eu-west-1' }),
      plain('us', { awsRegion: 'us-east-1' }),
    ];

    expect(await kept(events)).toEqual([]);
    expect(await kept(events, engineWith({ allowedRegions: ['us-east-1'] }))).toEqual(['eu']);
  });

  it('parses every record for an every-event detector without a hint (a user detector)', async () => {
    const anything: Detector = {
      ...(BUILTIN_DETECTORS[0] as Detector),
      id: 'user-every-event',
      listensTo: [{ eventSource: '*', eventNames: '*' }],
      match: () => undefined,
      rawHint: undefined,
    };
    const engine = engineWith({}, [...BUILTIN_DETECTORS, anything]);

    expect(await kept([plain('a'), plain('b')], engine)).toEqual(['a', 'b']);
  });
});

describe('Lazy reading gives the alerts of the exhaustive path', () => {
  /** The alerts of one file through the whole pipeline, as JSON lines. */
  async function alerts(body: Buffer, engine: DetectorEngine, options: IngestOptions) {
    const result = await runPipeline(
      readObject('f.json', body, options),
      engine,
      new AlertAggregator(),
    );
    return {
      alerts: result.alerts.map((a) => alertToJson(a)),
      events: result.input.events,
      findings: result.input.findings,
    };
  }

  it('on the fire and no-fire examples of every built-in detector', async () => {
    // Prepare: each detector's examples in one compact file, among plain reads.
    const examples = await loadExampleFiles(BUILTIN_DETECTORS_DIR);
    const engine = engineWith({ allowedRegions: ['us-east-1', 'eu-west-1'] });
    let alerting = 0;
    for (const [id, set] of examples) {
      const events = [...set.fire, ...set.noFire].flatMap((example) => example.events);
      const body = Buffer.from(
        JSON.stringify({ Records: [plain(`${id}-a`), ...events, plain(`${id}-b`)] }),
      );

      // Act
      const lazy = await alerts(body, engine, { lazy: lazyReaderFor(engine) });
      const exhaustive = await alerts(body, engine, { exhaustive: true });

      // Assess
      expect(lazy, id).toEqual(exhaustive);
      if (lazy.alerts.length > 0) alerting++;
    }
    // Not vacuous: most detectors' examples alert here (a few need their own settings).
    expect(alerting).toBeGreaterThan(examples.size * 0.8);
  });
});
