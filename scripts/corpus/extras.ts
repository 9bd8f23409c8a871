import { digestFileKey } from './layout.js';
import type { Rng } from './prng.js';
import type { JsonObject } from './record.js';
import type { ScenarioCtx } from './scenarios/index.js';
import { scenarioOf } from './scenarios/index.js';
import { HOUR, isoSeconds, MINUTE } from './time.js';
import type { TruthBuilder } from './truth.js';
import type { Account, World } from './world.js';
import { type WrittenFile, writeGzip, writeText } from './write.js';

/**
 * The other objects a newcomer meets: a CloudTrail-Digest file (to be skipped),
 * an EventBridge delivery and a JSON Lines export, so every input form trailwatch
 * reads is shown, each with one seeded attack.
 */

export interface DigestSource {
  readonly key: string;
  readonly sha256: string;
  readonly oldest: number;
  readonly newest: number;
  readonly deliveredAt: number;
}

/** Fields as documented for CloudTrail digest files; the signature is random (there is no private key here). */
export function writeDigest(
  rng: Rng,
  outDir: string,
  world: World,
  orgTrail: boolean,
  sources: readonly DigestSource[],
): WrittenFile | undefined {
  const last = sources[sources.length - 1];
  if (!last) return undefined;
  const account = (world.accounts[0] as Account).id;
  const region = world.globalRegion;
  const orgId = orgTrail ? world.orgId : undefined;
  const end = last.deliveredAt + rng.int(1, 5) * MINUTE;
  const start = end - HOUR;
  const files = sources.filter((s) => s.deliveredAt >= start);
  const key = digestFileKey(orgId, account, region, world.trailName, region, end);
  const previous = digestFileKey(orgId, account, region, world.trailName, region, start);
  const digest = {
    awsAccountId: account,
    digestStartTime: isoSeconds(start),
    digestEndTime: isoSeconds(end),
    digestS3Bucket: world.trailBucket,
    digestS3Object: key,
    digestPublicKeyFingerprint: rng.hex(32),
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: isoSeconds(Math.max(...files.map((f) => f.newest))),
    oldestEventTime: isoSeconds(Math.min(...files.map((f) => f.oldest))),
    previousDigestS3Bucket: world.trailBucket,
    previousDigestS3Object: previous,
    previousDigestHashValue: rng.hex(64),
    previousDigestHashAlgorithm: 'SHA-256',
    previousDigestSignature: rng.hex(512),
    logFiles: files.map((f) => ({
      s3Bucket: world.trailBucket,
      s3Object: f.key,
      hashValue: f.sha256,
      hashAlgorithm: 'SHA-256',
      newestEventTime: isoSeconds(f.newest),
      oldestEventTime: isoSeconds(f.oldest),
    })),
  };
  return writeGzip(outDir, key, JSON.stringify(digest));
}

/** Makes one ordinary record for `account`/`region` at `time`. */
export type BackgroundMaker = (
  rng: Rng,
  account: Account,
  region: string,
  time: number,
) => JsonObject;

export interface ExtrasInput {
  readonly rng: Rng;
  readonly outDir: string;
  readonly world: World;
  /** Time after the last S3 window: EventBridge is faster than S3 delivery. */
  readonly after: number;
  readonly attacks: boolean;
  readonly decoys: boolean;
  readonly background: BackgroundMaker;
  readonly truth: TruthBuilder;
}

export const EVENTBRIDGE_KEY = 'eventbridge/aws-api-call-via-cloudtrail.json';
export const JSONL_KEY = 'jsonl/cloudtrail-events.jsonl';

function scenarioRecords(
  input: ExtrasInput,
  kind: string,
  account: Account,
  region: string,
  time: number,
  file: string,
): JsonObject[] {
  const scenario = scenarioOf(kind);
  if (scenario.role === 'attack' ? !input.attacks : !input.decoys) return [];
  const ctx: ScenarioCtx = { rng: input.rng, world: input.world, account, region, time, repeat: 0 };
  const records = scenario.build(ctx);
  input.truth.addSeeded(scenario, records, file);
  return records;
}

function envelope(rng: Rng, record: JsonObject): JsonObject {
  const source = String(record.eventSource);
  return {
    version: '0',
    id: rng.uuid(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${source.slice(0, source.indexOf('.'))}`,
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: record,
  };
}

/** Three EventBridge events as a rule target receives them: one attack, one decoy, one ordinary. */
export function writeEventBridge(input: ExtrasInput): WrittenFile {
  const { rng, world } = input;
  const account = world.accounts[1 % world.accounts.length] as Account;
  const region = world.globalRegion;
  const t = input.after + 2 * MINUTE;
  const records = [
    ...scenarioRecords(
      input,
      's3-public-access-block-on',
      account,
      region,
      t + 40_000,
      EVENTBRIDGE_KEY,
    ),
    ...scenarioRecords(input, 'sg-open-ssh-to-world', account, region, t + 95_000, EVENTBRIDGE_KEY),
  ];
  const ordinary = ordinaryWrite(rng, account, region, t, input);
  const events = [ordinary, ...records].map((r) => envelope(rng, r));
  const written = writeText(input.outDir, EVENTBRIDGE_KEY, `${JSON.stringify(events, null, 2)}\n`);
  input.truth.addFile(written, events.length);
  input.truth.addExtra('eventbridge', { file: EVENTBRIDGE_KEY, events: events.length });
  return written;
}

/** An ordinary write event (EventBridge rules match write management events by default). */
function ordinaryWrite(
  rng: Rng,
  account: Account,
  region: string,
  time: number,
  input: ExtrasInput,
): JsonObject {
  for (let i = 0; i < 500; i++) {
    const record = input.background(rng, account, region, time);
    if (record.readOnly === false && record.managementEvent === true && !record.errorCode)
      return record;
  }
  return input.background(rng, account, region, time);
}

/** A JSON Lines export (one CloudTrail record per line) with one attack and one decoy among ordinary events. */
export function writeJsonLines(input: ExtrasInput): WrittenFile {
  const { rng, world } = input;
  const account = world.accounts[2 % world.accounts.length] as Account;
  const region = world.regions[1 % world.regions.length] as string;
  const t = input.after + 5 * MINUTE;
  const lines: JsonObject[] = [];
  for (let i = 0; i < 24; i++)
    lines.push(input.background(rng, account, region, t + rng.int(0, 4 * MINUTE)));
  const seeded = [
    ...scenarioRecords(
      input,
      'lambda-function-url-no-auth',
      account,
      region,
      t + 61_000,
      JSONL_KEY,
    ),
    ...scenarioRecords(
      input,
      'lambda-function-url-iam-auth',
      account,
      region,
      t + 125_000,
      JSONL_KEY,
    ),
  ];
  for (const record of seeded) lines.splice(rng.int(0, lines.length), 0, record);
  const text = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const written = writeText(input.outDir, JSONL_KEY, text);
  input.truth.addFile(written, lines.length);
  input.truth.addExtra('jsonl', { file: JSONL_KEY, events: lines.length });
  return written;
}
