/**
 * Cost per event of the policy-judging detectors: every fire and no-fire
 * example event of those detectors, plus a bucket policy near S3's 20 KB limit
 * full of conditioned `*` statements (the worst a caller can send), run
 * through the engine with the whole built-in catalog. Prints the median
 * nanoseconds per event over the rounds. Compare ratios from one machine and
 * one run only (docs/performance.md, noise).
 *
 *   npx tsx scripts/bench/policy-detectors.ts [--rounds 15] [--baseline <other checkout>]
 *
 * With --baseline (e.g. `git worktree add /tmp/base HEAD`), the other checkout's
 * catalog runs the same events in interleaved rounds and the median per-round
 * ratio is printed: on a shared machine only ratios from one run mean anything.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { cloudTrailEvent } from '../../detectors/examples/events.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import { type CloudTrailEvent, DEFAULT_SETTINGS, type Detector } from '../../detectors/types.js';

/** This checkout's engine or the baseline's: only `evaluate` is used. */
interface Engine {
  evaluate(event: CloudTrailEvent): unknown;
}

const POLICY_DETECTORS = [
  's3-bucket-policy-public',
  's3-bucket-policy-external-account',
  'resource-policy-made-public',
  'secrets-policy-public',
  'kms-key-policy-opened',
  'lambda-permission-public-or-cross-account',
  'iam-policy-grants-full-admin',
  'iam-role-trust-policy-backdoor',
  'ecr-policy-shared-outside',
  'identity-center-admin-permission-set',
];

function roundsOption(): number {
  const at = process.argv.indexOf('--rounds');
  const n = at >= 0 ? Number(process.argv[at + 1]) : 15;
  return Number.isInteger(n) && n > 0 ? n : 15;
}

/** About 20 KB of `*` statements, each with the conditions a careful author writes. */
function largeBucketPolicy(): CloudTrailEvent {
  const statements = [];
  for (let i = 0; statements.length < 60; i++) {
    statements.push({
      Sid: `s${i}`,
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: `arn:aws:s3:::big-bucket/prefix-${i}/*`,
      Condition: {
        StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:SourceVpce': `vpce-0${i}` },
        IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', `203.0.113.${i % 250}/32`] },
        ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${String(100000000000 + i)}:role/*` },
      },
    });
  }
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: {
      bucketName: 'big-bucket',
      bucketPolicy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    },
  });
}

/**
 * Copies of an event that no cache recognises: new objects, and every JSON
 * string padded with a different run of trailing spaces (which JSON ignores).
 * A detector that remembers a policy between events would otherwise be timed
 * on its memory, not its work.
 */
const VARIANTS = 8;

function pad(value: unknown, spaces: string): unknown {
  if (typeof value === 'string') {
    return /^\s*(\{|%7B)/i.test(value) ? `${value}${spaces}` : value;
  }
  if (Array.isArray(value)) return value.map((v) => pad(v, spaces));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pad(v, spaces)]));
  }
  return value;
}

function variants(events: readonly CloudTrailEvent[]): CloudTrailEvent[][] {
  return Array.from({ length: VARIANTS }, (_, i) =>
    events.map((e) => pad(structuredClone(e), ' '.repeat(i + 1)) as CloudTrailEvent),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Nanoseconds per event of one round over every copy. */
function round(engine: Engine, copies: readonly CloudTrailEvent[][], repeat: number): number {
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) {
    for (const event of copies[r % VARIANTS] ?? []) engine.evaluate(event);
  }
  return Number(process.hrtime.bigint() - start) / (repeat * (copies[0]?.length ?? 1));
}

/** Median ns/event of this checkout and, if given, the baseline, rounds interleaved. */
function measure(events: readonly CloudTrailEvent[], rounds: number, label: string): void {
  const copies = variants(events);
  const repeat = Math.max(VARIANTS, Math.ceil(2000 / events.length));
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const a = round(engine, copies, repeat);
    const b = baseline ? round(baseline, copies, repeat) : Number.NaN;
    if (i < 2) continue;
    ours.push(a);
    theirs.push(b);
    ratios.push(a / b);
  }
  const line = `${label}: ${median(ours).toFixed(0)} ns/event`;
  console.log(
    baseline
      ? `${line}; baseline ${median(theirs).toFixed(0)} ns/event; median ratio ${median(ratios).toFixed(2)}`
      : line,
  );
}

/** `--baseline <checkout>`: the same bench on another checkout's catalog, rounds interleaved. */
async function baselineEngine(): Promise<Engine | undefined> {
  const at = process.argv.indexOf('--baseline');
  const dir = at >= 0 ? process.argv[at + 1] : undefined;
  if (!dir) return undefined;
  const root = pathToFileURL(`${resolve(dir)}/`);
  const catalog = (await import(new URL('detectors/catalog.ts', root).href)) as {
    BUILTIN_DETECTORS: readonly Detector[];
  };
  const engine = (await import(new URL('detectors/engine.ts', root).href)) as {
    DetectorEngine: typeof DetectorEngine;
  };
  return new engine.DetectorEngine(catalog.BUILTIN_DETECTORS, { settings: SETTINGS });
}

const examples = await loadExampleFiles(BUILTIN_DETECTORS_DIR);
const events = POLICY_DETECTORS.flatMap((id) => {
  const e = examples.get(id);
  return e ? [...e.fire, ...e.noFire].flatMap((example) => example.events) : [];
});
const SETTINGS = { ...DEFAULT_SETTINGS, trustedOrganizationIds: ['o-a1b2c3d4e5'] };
const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: SETTINGS });
const baseline = await baselineEngine();
const large = largeBucketPolicy();
const rounds = roundsOption();
const bytes = JSON.stringify(large.requestParameters?.bucketPolicy).length;
console.log(`example events of the policy detectors: ${events.length}`);
measure(events, rounds, 'examples');
measure([large], rounds, `${bytes}-byte bucket policy`);
