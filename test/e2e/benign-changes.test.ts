import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS, SEVERITY_RANK } from '../../detectors/types.js';
import { CloudTrailEventSchema } from '../../ingest/cloudtrail-event.js';
import { changeTemplates } from '../../scripts/corpus/background/index.js';
import { Rng } from '../../scripts/corpus/prng.js';
import { toRecord } from '../../scripts/corpus/record.js';
import { buildWorld } from '../../scripts/corpus/world.js';

/**
 * The noise target of docs/noise.md, per kind of routine change: every benign
 * change the corpus generator makes (deployments, sign-ins, scaling, policy
 * updates...) is run through the full catalog many times, and no detector
 * without a threshold may find anything high or critical in it. The settings are what an organisation configures:
 * its own accounts are trusted. The one exception is inherent: an administrator
 * minting an access key for a machine user is exactly what that detector is for.
 */
const INHERENT = new Set(['iam.amazonaws.com CreateAccessKey -> iam-access-key-for-other-user']);
const COPIES = 60;

const rng = new Rng('benign-changes');
const world = buildWorld(rng.fork('world'), 3, ['us-east-1', 'eu-west-1', 'us-west-2']);
const engine = new DetectorEngine(BUILTIN_DETECTORS, {
  settings: {
    ...DEFAULT_SETTINGS,
    trustedAccounts: world.accounts.map((a) => a.id),
    trustedOrganizationIds: [world.orgId],
  },
});

describe('End to end: routine benign changes', () => {
  it.each(changeTemplates.map((t) => [`${t.source} ${t.name}`, t] as const))(
    'raises nothing high or critical on %s',
    (label, template) => {
      const urgent = new Set<string>();
      for (let i = 0; i < COPIES; i++) {
        const account = rng.pick(world.accounts);
        const region = template.global ? world.globalRegion : rng.pick(world.regions);
        const time = Date.parse('2026-11-20T10:00:00Z') + i * 60_000;
        const ctx = { rng, world, account, region, time };
        const call = { ...template.build(ctx), source: template.source, name: template.name };
        const record = toRecord(rng, { ...call, account, region, time });
        const parsed = CloudTrailEventSchema.safeParse(record);
        expect(parsed.success, JSON.stringify(record).slice(0, 300)).toBe(true);
        for (const finding of engine.evaluate(parsed.data as CloudTrailEvent)) {
          // One finding of a threshold detector is not an alert; the corpus measurement counts those.
          if (finding.detector.threshold) continue;
          if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK.high) continue;
          const hit = `${label} -> ${finding.detector.id}`;
          if (!INHERENT.has(hit)) urgent.add(`${hit} (${finding.severity}): ${finding.summary}`);
        }
      }
      expect([...urgent]).toEqual([]);
    },
  );
});
