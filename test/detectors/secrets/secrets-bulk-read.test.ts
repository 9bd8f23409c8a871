import { describe, expect, it } from 'vitest';
import { secretsBulkRead } from '../../../detectors/secrets/secrets-bulk-read.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent } from '../../helpers/events.js';

const read = (secretId: unknown, awsRegion = 'us-east-1') =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    awsRegion,
    requestParameters: { secretId },
  });

const distinctOf = (secretId: unknown, region?: string) =>
  detect(secretsBulkRead, read(secretId, region))[0]?.distinctValue;

describe('Detector: secrets-bulk-read', () => {
  it('counts a secret once whether read by name, partial ARN or full ARN', () => {
    const values = new Set([
      distinctOf('prod/db'),
      distinctOf(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db`),
      distinctOf(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-a1B2c3`),
    ]);

    expect([...values]).toEqual(['us-east-1:prod/db']);
  });

  it('counts same-named secrets in two regions as two', () => {
    expect(distinctOf('prod/db', 'us-east-1')).not.toBe(distinctOf('prod/db', 'eu-west-1'));
  });

  it('groups every read by the principal, not by secret', () => {
    const a = detect(secretsBulkRead, read('a'))[0];
    const b = detect(secretsBulkRead, read('b'))[0];

    expect(a?.dedupKey).toBe(b?.dedupKey);
  });

  it('ignores records without a usable secret id', () => {
    for (const secretId of [undefined, '', 42, { x: 1 }]) {
      expect(detect(secretsBulkRead, read(secretId))).toEqual([]);
    }
  });
});
