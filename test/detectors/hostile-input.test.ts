import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { cloudTrailEvent, identities } from '../../detectors/examples/events.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS, type Detector } from '../../detectors/types.js';

/**
 * CloudTrail fields are attacker-influenced: every detector in the catalog must
 * survive odd shapes without throwing.
 */
const detectors = BUILTIN_DETECTORS;

const deep: Record<string, unknown> = {};
let cursor = deep;
for (let i = 0; i < 50; i += 1) {
  const next: Record<string, unknown> = {};
  cursor.items = [next];
  cursor = next;
}

/** Request/response bodies of every wrong type, plus hostile keys and sizes. */
const BODIES: readonly unknown[] = [
  null,
  {},
  { items: null },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}'),
  { name: 42, groupId: [], alarmNames: 'one-alarm', accountIds: { items: 7 } },
  {
    createVolumePermission: { add: { items: [null, 7, 'all', { userId: {} }] } },
    launchPermission: { add: 'all' },
    valuesToAdd: 'all',
    attributeName: ['restore'],
    features: 'S3_DATA_EVENTS',
    FindingIdentifiers: 'x',
    Workflow: { Status: ['SUPPRESSED'] },
    portRange: { from: '22', to: null },
    retentionInDays: 'NaN',
    publiclyAccessible: 'TRUE',
    deletionProtection: 'False',
  },
  { logGroupName: 'x'.repeat(100_000), name: '\u0000\u202e' },
  deep,
];

function variants(detector: Detector): CloudTrailEvent[] {
  const out: CloudTrailEvent[] = [];
  for (const key of detector.listensTo) {
    const names = key.eventNames === '*' ? ['AnyCall'] : key.eventNames;
    const source = key.eventSource === '*' ? 'ec2.amazonaws.com' : key.eventSource;
    for (const eventName of names) {
      for (const body of BODIES) {
        for (const userIdentity of [null, identities.awsService(), { type: 42 } as never]) {
          out.push(
            cloudTrailEvent({
              eventSource: source,
              eventName,
              userIdentity,
              requestParameters: body as never,
              responseElements: body as never,
            }),
          );
        }
      }
    }
  }
  return out;
}

describe('Detectors under hostile input', () => {
  it.each(detectors.map((d) => [d.id, d] as const))('%s never throws', (_id, detector) => {
    const engine = new DetectorEngine([detector], { settings: DEFAULT_SETTINGS });
    const errors: unknown[] = [];
    for (const event of variants(detector)) engine.evaluate(event, (e) => errors.push(e));
    expect(errors).toEqual([]);
  });
});
