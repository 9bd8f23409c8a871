import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CloudTrailEventSchema } from '../../ingest/cloudtrail-event.js';
import { compileSchemaCheck } from '../../ingest/schema-check.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';

/** Small deterministic PRNG (mulberry32): the same cases on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every JSON type, including the shapes the schema cares about. */
const PALETTE: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => 1.5,
  () => '',
  () => 'text',
  () => 'true',
  () => [],
  () => ['a'],
  () => [{}],
  () => [{ ARN: 'arn:aws:s3:::b' }],
  () => [{ ARN: 1 }],
  () => [null],
  () => ({}),
  () => ({ type: 'Root' }),
  () => ({ type: 1 }),
  () => ({ sessionIssuer: null, attributes: { mfaAuthenticated: true } }),
  () => ({ attributes: { mfaAuthenticated: 1 } }),
  () => ({ sessionIssuer: [] }),
  () => JSON.parse('{"__proto__":{"eventName":"x"}}'),
  () => JSON.parse('{"constructor":"x"}'),
];

/** Paths of every field the schema types, nested ones included. */
const PATHS: readonly (readonly (string | number)[])[] = [
  ...Object.keys(CloudTrailEventSchema.shape).map((k) => [k]),
  ...Object.keys((CloudTrailEventSchema.shape.userIdentity.unwrap().unwrap() as z.ZodObject).shape)
    .filter((k) => k !== 'sessionContext')
    .map((k) => ['userIdentity', k]),
  ['userIdentity', 'sessionContext'],
  ['userIdentity', 'sessionContext', 'sessionIssuer'],
  ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
  ['userIdentity', 'sessionContext', 'sessionIssuer', 'type'],
  ['userIdentity', 'sessionContext', 'attributes'],
  ['userIdentity', 'sessionContext', 'attributes', 'mfaAuthenticated'],
  ['userIdentity', 'sessionContext', 'attributes', 'creationDate'],
  ['resources', 0],
  ['resources', 0, 'ARN'],
  ['resources', 1, 'type'],
  ['requestParameters', 'policy'],
];

function setPath(root: Record<string, unknown>, path: readonly (string | number)[], v: unknown) {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return;
    const holder = node as Record<string | number, unknown>;
    const key = path[i] as string | number;
    if (typeof holder[key] !== 'object' || holder[key] === null) {
      holder[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    node = holder[key];
  }
  if (typeof node !== 'object' || node === null) return;
  const last = path[path.length - 1] as string | number;
  if (v === undefined) delete (node as Record<string | number, unknown>)[last];
  else (node as Record<string | number, unknown>)[last] = v;
}

function baseRecord(): Record<string, unknown> {
  const event = cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    userIdentity: identities.assumedRole(),
    requestParameters: { userName: 'alice' },
    responseElements: null,
    resources: [{ ARN: 'arn:aws:iam::111111111111:user/alice', type: 'AWS::IAM::User' }],
    readOnly: false,
  });
  // A round trip through JSON gives exactly what the parser hands the check.
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

describe('compileSchemaCheck', () => {
  const check = compileSchemaCheck(CloudTrailEventSchema);

  it('compiles the CloudTrail record schema', () => {
    expect(check).toBeTypeOf('function');
  });

  it('agrees with safeParse on records with corrupted fields', () => {
    const random = prng(8);
    let accepted = 0;
    let rejected = 0;
    for (let n = 0; n < 6000; n++) {
      const record = baseRecord();
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const path = PATHS[Math.floor(random() * PATHS.length)] as (string | number)[];
        const pick = Math.floor(random() * (PALETTE.length + 1));
        setPath(
          record,
          path,
          pick === PALETTE.length ? undefined : (PALETTE[pick] as () => unknown)(),
        );
      }
      const expected = CloudTrailEventSchema.safeParse(record).success;
      if (check?.(record) !== expected) {
        throw new Error(`disagreement (zod says ${expected}) on ${JSON.stringify(record)}`);
      }
      if (expected) accepted++;
      else rejected++;
    }
    // Both verdicts were exercised many times, so agreement means something.
    expect(accepted).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(500);
  }, 60_000);

  it('agrees with safeParse on values that are not records at all', () => {
    for (const make of PALETTE) {
      const value = make();
      expect(check?.(value), JSON.stringify(value)).toBe(
        CloudTrailEventSchema.safeParse(value).success,
      );
    }
  });

  it('rejects a required key that is only inherited, as zod does', () => {
    const record = baseRecord();
    delete record.eventName;
    const child = Object.create({ eventName: 'Inherited' }) as Record<string, unknown>;
    Object.assign(child, record);
    expect(check?.(child)).toBe(CloudTrailEventSchema.safeParse(child).success);
  });

  it('requires a non-optional unknown key to be present, as zod does', () => {
    const schema = z.looseObject({ a: z.unknown(), b: z.string().optional() });
    const compiled = compileSchemaCheck(schema);
    for (const value of [{}, { a: undefined }, { a: null }, { a: 1, b: 2 }, { a: 1, b: 'x' }]) {
      expect(compiled?.(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
    }
  });

  it.each([
    ['a refined string', z.looseObject({ a: z.string().min(1) })],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a number', z.looseObject({ a: z.number() })],
    ['a transform', z.looseObject({ a: z.string().transform((s) => s.length) })],
    ['a typed record value', z.record(z.string(), z.string())],
    ['an enum', z.looseObject({ a: z.enum(['x', 'y']) })],
  ])('gives up on %s, so safeParse stays in charge', (_name, schema) => {
    expect(compileSchemaCheck(schema)).toBeUndefined();
  });
});
