import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

/** A small seeded PRNG (mulberry32), so generated inputs are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that stress a byte-level splitter: JSON syntax inside strings, escapes, multi-byte UTF-8. */
const TRICKY = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  '\t',
  '\u0000',
  'é',
  '€',
  '✓',
  '😀',
  '\u2028',
  'a',
  ' ',
];

/** A string of up to `max` characters drawn mostly from the tricky set. */
export function trickyString(rng: () => number, max = 24): string {
  let s = '';
  const length = Math.floor(rng() * max);
  for (let i = 0; i < length; i++) s += TRICKY[Math.floor(rng() * TRICKY.length)];
  return s;
}

/** An arbitrary JSON value, nested up to `depth` levels. */
export function jsonValue(rng: () => number, depth: number): unknown {
  const pick = rng();
  if (depth <= 0 || pick < 0.3) {
    const scalar = rng();
    if (scalar < 0.5) return trickyString(rng);
    if (scalar < 0.7) return Math.floor(rng() * 1e9) / 100;
    if (scalar < 0.8) return rng() < 0.5;
    return null;
  }
  if (pick < 0.6)
    return Array.from({ length: Math.floor(rng() * 4) }, () => jsonValue(rng, depth - 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 5); i > 0; i--)
    object[trickyString(rng, 8)] = jsonValue(rng, depth - 1);
  return object;
}

const NAMES: ReadonlyArray<[string, string]> = [
  ['kms.amazonaws.com', 'Decrypt'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['s3.amazonaws.com', 'GetObject'],
  ['iam.amazonaws.com', 'PutUserPolicy'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2'],
];

/**
 * A CloudTrail record shaped like real ones (~1.5 KB): nested request parameters,
 * an IAM policy document as an escaped JSON string, and strings with quotes,
 * backslashes, brackets and multi-byte characters where the splitter must not stumble.
 */
export function realisticRecord(rng: () => number, index: number): CloudTrailEvent {
  const [eventSource, eventName] = NAMES[index % NAMES.length] as [string, string];
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::bucket-${index}/*` },
    ],
  });
  return cloudTrailEvent({
    eventSource,
    eventName,
    eventID: `evt-${index}-${Math.floor(rng() * 1e9)}`,
    userIdentity: identities.assumedRole('Admin', `session-${index}`),
    userAgent: `aws-cli/2.17.0 md/${trickyString(rng, 12)} Python/3.12`,
    requestParameters: {
      policyDocument: policy,
      userName: `user-${trickyString(rng, 10)}`,
      tags: [{ key: 'owner', value: trickyString(rng, 16) }],
      nested: { level: { deeper: [1, 2, { x: trickyString(rng, 8) }] } },
    },
    responseElements: {
      credentials: {
        accessKeyId: 'ASIAEXAMPLE',
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE'.repeat(20),
        expiration: 'Jan 1, 2027, 12:00:00 AM',
      },
    },
    resources: [
      {
        ARN: `arn:aws:iam::111122223333:user/u${index}`,
        accountId: '111122223333',
        type: 'AWS::IAM::User',
      },
    ],
  });
}

/** `count` realistic records, deterministic for a seed. */
export function realisticRecords(count: number, seed = 1): CloudTrailEvent[] {
  const rng = seeded(seed);
  return Array.from({ length: count }, (_, i) => realisticRecord(rng, i));
}
