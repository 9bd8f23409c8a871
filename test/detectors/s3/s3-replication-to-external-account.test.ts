import { describe, expect, it } from 'vitest';
import { s3ReplicationToExternalAccount } from '../../../detectors/s3/s3-replication-to-external-account.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const putReplication = (rules: unknown) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketReplication',
    requestParameters: {
      bucketName: 'customer-invoices',
      ReplicationConfiguration: { Role: `arn:aws:iam::${ACCOUNT}:role/r`, Rule: rules },
    },
  });

describe('Detector: s3-replication-to-external-account', () => {
  it('names every foreign destination among several rules', () => {
    const event = putReplication([
      { Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::dr-copy', Account: ACCOUNT } },
      { Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::drop-a', Account: OTHER_ACCOUNT } },
      {
        Status: 'Enabled',
        Destination: { Bucket: 'arn:aws:s3:::drop-b', Account: '999988887777' },
      },
    ]);

    const finding = detect(s3ReplicationToExternalAccount, event)[0];

    expect(finding?.summary).toContain(`drop-a (account ${OTHER_ACCOUNT})`);
    expect(finding?.summary).toContain('drop-b (account 999988887777)');
    expect(finding?.summary).not.toContain('dr-copy');
    expect(finding?.resources).toEqual([
      'arn:aws:s3:::customer-invoices',
      'arn:aws:s3:::drop-a',
      'arn:aws:s3:::drop-b',
    ]);
  });

  it('does not judge rules that name no destination account', () => {
    const event = putReplication({
      Status: 'Enabled',
      Destination: { Bucket: 'arn:aws:s3:::elsewhere' },
    });

    expect(detect(s3ReplicationToExternalAccount, event)).toEqual([]);
  });

  it('does not throw on null or malformed configurations', () => {
    for (const rules of [null, 'x', [1, { Destination: 'y' }], { Destination: { Account: 12 } }]) {
      expect(detect(s3ReplicationToExternalAccount, putReplication(rules))).toEqual([]);
    }
  });
});
