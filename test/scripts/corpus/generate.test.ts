import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudTrailEventSchema } from '../../../ingest/cloudtrail-event.js';
import { generateCorpus } from '../../../scripts/corpus/generate.js';
import { DIGEST_FILE_KEY, LOG_FILE_KEY } from '../../../scripts/corpus/layout.js';
import { type CorpusOptions, DEFAULT_OPTIONS } from '../../../scripts/corpus/options.js';
import { ATTACKER_UA } from '../../../scripts/corpus/scenarios/common.js';
import { ALL_SCENARIOS, DETECTOR_EVENT_NAMES } from '../../../scripts/corpus/scenarios/index.js';
import {
  isLogFile,
  type Json,
  listFiles,
  readGzipText,
  readRecords,
  readTruth,
} from './read-corpus.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailwatch-corpus-'));
  dirs.push(dir);
  return dir;
}

function options(out: string, overrides: Partial<CorpusOptions> = {}): CorpusOptions {
  return {
    ...DEFAULT_OPTIONS,
    out,
    events: 1500,
    files: 12,
    seed: 'test-seed',
    orgTrail: true,
    ...overrides,
  };
}

function allRecords(dir: string, keys: readonly string[]): { key: string; record: Json }[] {
  return keys.flatMap((key) => readRecords(dir, key).map((record) => ({ key, record })));
}

const GLOBAL_SOURCES = new Set([
  'iam.amazonaws.com',
  'signin.amazonaws.com',
  'organizations.amazonaws.com',
  'route53.amazonaws.com',
]);

/**
 * Event names of single-event seeded scenarios. Background also makes them (the
 * routine changes: sign-ins, Terraform deployments...), but never in an
 * attacker's shape.
 */
const SEEDED_NAMES = new Set(['ConsoleLogin']);

/** The attackers' addresses (192.0.2.0/24) and tooling, which only seeded attacks use. */
function attackShaped(record: Json): boolean {
  return String(record.sourceIPAddress).startsWith('192.0.2.') || record.userAgent === ATTACKER_UA;
}

let first: string;
let second: string;
let noAttacks: string;

beforeAll(() => {
  first = tempDir();
  second = tempDir();
  noAttacks = tempDir();
  generateCorpus(options(first));
  generateCorpus(options(second));
  generateCorpus(options(noAttacks, { attacks: false }));
  for (const entry of [...readTruth(first).attacks, ...readTruth(first).decoys]) {
    if (!('eventIDs' in entry) || entry.eventIDs === undefined) SEEDED_NAMES.add(entry.eventName);
  }
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('generateCorpus', () => {
  it('writes byte-identical output for the same arguments', () => {
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const key of files) {
      expect(readFileSync(join(second, key)).equals(readFileSync(join(first, key))), key).toBe(
        true,
      );
    }
  });

  it('writes different output for a different seed', () => {
    const other = tempDir();
    generateCorpus(options(other, { seed: 'another-seed' }));
    expect(listFiles(other)).not.toEqual(listFiles(first));
  });

  it('names every log file and the digest as CloudTrail does, under the organisation prefix', () => {
    const truth = readTruth(first);
    const logs = listFiles(first).filter(isLogFile);
    expect(logs).toHaveLength(12);
    for (const key of logs) {
      expect(key).toMatch(LOG_FILE_KEY);
      expect(key.startsWith(`AWSLogs/${truth.organization.orgId}/`)).toBe(true);
    }
    const digests = listFiles(first).filter((k) => k.includes('/CloudTrail-Digest/'));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatch(DIGEST_FILE_KEY);
  });

  it('puts each record in the file of its account and region, global services only in the global region', () => {
    const truth = readTruth(first);
    for (const key of listFiles(first).filter(isLogFile)) {
      const [, account, region] = LOG_FILE_KEY.exec(key) ?? [];
      for (const record of readRecords(first, key)) {
        expect(record.recipientAccountId).toBe(account);
        expect(record.awsRegion).toBe(region);
        if (GLOBAL_SOURCES.has(String(record.eventSource))) {
          expect(region).toBe(truth.organization.globalRegion);
        }
      }
    }
  });

  it('writes records that all validate against CloudTrailEventSchema, in every input form', () => {
    const keys = listFiles(first).filter(
      (k) => isLogFile(k) || k.startsWith('jsonl/') || k.startsWith('eventbridge/'),
    );
    const records = allRecords(first, keys);
    expect(records.length).toBeGreaterThan(1500);
    for (const { key, record } of records) {
      const parsed = CloudTrailEventSchema.safeParse(record);
      expect(parsed.success, `${key} ${String(record.eventID)}`).toBe(true);
    }
  });

  it('keeps the average log record near 1.5 KB', () => {
    const truth = readTruth(first);
    const logs = Object.entries(truth.bytes).filter(([key]) => isLogFile(key));
    const bytes = logs.reduce((sum, [, f]) => sum + f.uncompressed, 0);
    const mean = bytes / truth.events;
    expect(mean).toBeGreaterThan(1200);
    expect(mean).toBeLessThan(2000);
  });

  it('accounts for every record and byte in truth.json', () => {
    const truth = readTruth(first);
    expect(truth.events).toBe(1500);
    expect(Object.values(truth.counts).reduce((a, b) => a + b, 0)).toBe(1500);
    for (const [key, entry] of Object.entries(truth.bytes)) {
      expect(readFileSync(join(first, key)).length, key).toBe(entry.stored);
      if (isLogFile(key)) expect(readRecords(first, key), key).toHaveLength(entry.events);
    }
  });

  it('finds every attack and decoy of truth.json in the file it names', () => {
    const truth = readTruth(first);
    expect(truth.attacks.length).toBeGreaterThan(30);
    expect(truth.decoys.length).toBeGreaterThan(25);
    for (const entry of [...truth.attacks, ...truth.decoys]) {
      const ids = new Map(readRecords(first, entry.file).map((r) => [r.eventID, r]));
      const record = ids.get(entry.eventID);
      expect(record, `${entry.kind} ${entry.eventID}`).toBeDefined();
      expect(record?.eventName).toBe(entry.eventName);
      for (const id of 'eventIDs' in entry ? (entry.eventIDs ?? []) : [])
        expect(ids.has(id)).toBe(true);
    }
  });

  it('seeds every attack and decoy kind, each in the global region when its service is global', () => {
    const truth = readTruth(first);
    const kinds = new Set([...truth.attacks, ...truth.decoys].map((e) => e.kind));
    for (const scenario of ALL_SCENARIOS)
      expect(kinds.has(scenario.kind), scenario.kind).toBe(true);
  });

  it('sends each attack to detectors that listen to its event name', () => {
    const truth = readTruth(first);
    const base = (name: string) => name.replace(/20\d{6}(?:v\d+)?$/, '');
    for (const attack of truth.attacks) {
      expect(attack.expect.length).toBeGreaterThan(0);
      for (const id of attack.expect) {
        const names = DETECTOR_EVENT_NAMES[id];
        expect(names, id).toBeDefined();
        expect(
          names?.includes('*') || names?.includes(base(attack.eventName)),
          `${attack.kind} -> ${id}`,
        ).toBe(true);
      }
    }
    for (const decoy of truth.decoys) {
      expect(decoy.decoy).toBe(true);
      for (const id of decoy.mustNotFire) expect(DETECTOR_EVENT_NAMES[id], id).toBeDefined();
    }
  });

  it('makes decoys that share their event name with an attack for most kinds', () => {
    const truth = readTruth(first);
    const attackNames = new Set(truth.attacks.map((a) => a.eventName));
    const sharing = truth.decoys.filter((d) => attackNames.has(d.eventName));
    expect(sharing.length / truth.decoys.length).toBeGreaterThan(0.7);
  });

  it("never writes a background event in an attack's shape, even under a seeded event name", () => {
    const truth = readTruth(first);
    const attacks = new Set(
      truth.attacks.flatMap((e) => ('eventIDs' in e && e.eventIDs ? e.eventIDs : [e.eventID])),
    );
    const keys = listFiles(first).filter(isLogFile);
    let routine = 0;
    for (const { record } of allRecords(first, keys)) {
      if (attacks.has(String(record.eventID))) continue;
      expect(attackShaped(record), String(record.eventName)).toBe(false);
      if (SEEDED_NAMES.has(String(record.eventName))) routine++;
    }
    expect(routine).toBeGreaterThan(0);
  });

  it('keeps background access-denied errors too thin to trip a burst detector', () => {
    const truth = readTruth(first);
    const burst = new Set(truth.attacks.flatMap((a) => a.eventIDs ?? []));
    const perWindow = new Map<string, number>();
    for (const { record } of allRecords(first, listFiles(first).filter(isLogFile))) {
      const code = String(record.errorCode ?? '');
      if (!(code.startsWith('AccessDenied') || code.endsWith('UnauthorizedOperation'))) continue;
      if (burst.has(String(record.eventID))) continue;
      const identity = record.userIdentity as Json;
      const issuer = (
        (identity.sessionContext as Json | undefined)?.sessionIssuer as Json | undefined
      )?.arn;
      const who = String(
        issuer ??
          identity.arn ??
          identity.invokedBy ??
          `${String(identity.type)}:${String(identity.accountId ?? identity.userName)}`,
      );
      const bucket = Math.floor(Date.parse(String(record.eventTime)) / 300_000);
      const key = `${who}|${bucket}`;
      perWindow.set(key, (perWindow.get(key) ?? 0) + 1);
    }
    expect(Math.max(0, ...perWindow.values())).toBeLessThanOrEqual(2);
  });

  it('writes a digest whose log file hashes match the files it lists', () => {
    const truth = readTruth(first);
    const key = listFiles(first).find((k) => k.includes('/CloudTrail-Digest/')) ?? '';
    const digest = JSON.parse(readGzipText(first, key)) as Json & {
      logFiles: { s3Object: string; hashValue: string }[];
    };
    expect(digest).not.toHaveProperty('Records');
    for (const field of [
      'awsAccountId',
      'digestStartTime',
      'digestEndTime',
      'digestS3Bucket',
      'digestS3Object',
      'digestSignatureAlgorithm',
      'previousDigestHashValue',
    ]) {
      expect(digest, field).toHaveProperty(field);
    }
    expect(digest.digestS3Object).toBe(key);
    expect(digest.logFiles.length).toBeGreaterThan(0);
    for (const file of digest.logFiles)
      expect(file.hashValue).toBe(truth.bytes[file.s3Object]?.sha256);
  });

  it('writes an EventBridge array of "AWS API Call via CloudTrail" events with one attack', () => {
    const raw = JSON.parse(
      readFileSync(join(first, 'eventbridge', 'aws-api-call-via-cloudtrail.json'), 'utf8'),
    ) as Json[];
    expect(raw).toHaveLength(3);
    for (const event of raw) {
      expect(event['detail-type']).toBe('AWS API Call via CloudTrail');
      expect(String(event.source)).toMatch(/^aws\./);
      expect((event.detail as Json).eventID).toBeDefined();
    }
    const truth = readTruth(first);
    expect(truth.attacks.filter((a) => a.file.startsWith('eventbridge/'))).toHaveLength(1);
    expect(truth.attacks.filter((a) => a.file.startsWith('jsonl/'))).toHaveLength(1);
  });
});

describe('generateCorpus with --no-attacks', () => {
  it('lists no attacks and writes no attack events, decoys still present', () => {
    const truth = readTruth(noAttacks);
    expect(truth.attacks).toEqual([]);
    expect(truth.decoys.length).toBeGreaterThan(25);
    const decoys = new Set(truth.decoys.map((d) => d.eventID));
    const keys = listFiles(noAttacks).filter(
      (k) => isLogFile(k) || k.startsWith('jsonl/') || k.startsWith('eventbridge/'),
    );
    let loginFailures = 0;
    for (const { record } of allRecords(noAttacks, keys)) {
      const name = String(record.eventName);
      if (!decoys.has(String(record.eventID))) expect(attackShaped(record), name).toBe(false);
      const identity = record.userIdentity as Json;
      if (identity.type === 'Root') expect(identity.invokedBy).toBeDefined();
      if ((record.responseElements as Json | null)?.ConsoleLogin === 'Failure') loginFailures++;
    }
    expect(loginFailures).toBe(1);
  });
});
