import { describe, expect, it } from 'vitest';
import {
  BYTE_UNIT,
  s3LargeDataTransfer,
  unitsOf,
} from '../../../detectors/access-log/s3-large-data-transfer.js';
import { accessLogLine, ROLE_SESSION } from '../../fixtures/access-logs/lines.js';
import { alerts, at, detect } from './helpers.js';

const MiB = 1024 * 1024;

const download = (n: number, bytes: number, spec = {}) =>
  accessLogLine({
    key: `exports/part-${n}.parquet`,
    bytesSent: bytes,
    objectSize: bytes,
    time: at(5 + (n % 50)),
    requestId: `DL${String(n).padStart(10, '0')}`,
    ...spec,
  });

describe('Detector: s3-large-data-transfer', () => {
  it('alerts when one role downloads more than 2 GiB within an hour', async () => {
    // Prepare: 40 objects of 64 MiB = 2.5 GiB, across two sessions of the same role.
    const lines = Array.from({ length: 40 }, (_, n) =>
      download(n, 64 * MiB, n % 2 ? { requester: ROLE_SESSION.replace('i-0abc', 'i-0def') } : {}),
    );

    // Act
    const raised = await alerts(s3LargeDataTransfer, lines);

    // Assess
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      severity: 'medium',
      dedupKey: 'arn:aws:sts::111122223333:assumed-role/app-reader',
      runbook: { id: 'credential-compromise' },
    });
    expect(raised[0]?.summary).toContain('received 64.0 MiB from amzn-s3-demo-bucket1');
  });

  it('alerts at once on one huge anonymous download, as high', async () => {
    const raised = await alerts(s3LargeDataTransfer, [
      download(1, 5 * 1024 * MiB, { requester: '-' }),
    ]);

    expect(raised).toHaveLength(1);
    expect(raised[0]?.severity).toBe('high');
  });

  it('stays quiet just under the volume: 31 × 64 MiB', async () => {
    const lines = Array.from({ length: 31 }, (_, n) => download(n, 64 * MiB));

    expect(await alerts(s3LargeDataTransfer, lines)).toEqual([]);
  });

  it('does not add up different requesters', async () => {
    const lines = Array.from({ length: 40 }, (_, n) =>
      download(n, 64 * MiB, { requester: `arn:aws:iam::111122223333:user/u${n}` }),
    );

    expect(await alerts(s3LargeDataTransfer, lines)).toEqual([]);
  });

  it('ignores failed requests and responses without a body', () => {
    const lines = [
      download(1, 900 * MiB, { status: 403 }),
      accessLogLine({ operation: 'REST.PUT.OBJECT', bytesSent: 0 }),
    ];

    expect(detect(s3LargeDataTransfer, lines)).toEqual([]);
  });

  it('counts small downloads without bias: 4,000 × 1 MiB is about 250 units', () => {
    let units = 0;
    for (let n = 0; n < 4000; n++) units += unitsOf(MiB, `REQ-${n}`);

    expect(units).toBeGreaterThan(200);
    expect(units).toBeLessThan(300);
    // Sequential ids, differing in their last digits, count without bias too.
    let half = 0;
    for (let n = 0; n < 400; n++)
      half += unitsOf(BYTE_UNIT / 2, `DL${String(n).padStart(10, '0')}`);
    expect(half).toBeGreaterThan(170);
    expect(half).toBeLessThan(230);
    // Deterministic: the same request always counts the same.
    expect(unitsOf(3 * BYTE_UNIT + 5, 'X')).toBe(unitsOf(3 * BYTE_UNIT + 5, 'X'));
    expect(unitsOf(3 * BYTE_UNIT, 'X')).toBe(3);
  });

  describe('reads of the log buckets by their readers', () => {
    // trailwatch's ingest function reading an organisation trail's log files: its
    // session as S3 access logs name it, and its role as the stack passes it in settings.
    const INGEST_ROLE =
      'arn:aws:iam::111122223333:role/Trailwatch-DetectorsIngestRole5D9A2E1C-Ab12Cd34';
    const INGEST_SESSION =
      'arn:aws:sts::111122223333:assumed-role/Trailwatch-DetectorsIngestRole5D9A2E1C-Ab12Cd34/Trailwatch-DetectorsIngest3F0A1B2C-Xy9Z8w7V';
    const TRAIL_BUCKET = 'org-trail-logs';
    const settings = { logBuckets: [TRAIL_BUCKET], logReaders: [INGEST_ROLE] };
    /** An hour of an organisation trail: 400 log files of 8 MiB, 3.1 GiB in all. */
    const trailFiles = (requester: string, spec = {}) =>
      Array.from({ length: 400 }, (_, n) =>
        download(n, 8 * MiB, {
          bucket: TRAIL_BUCKET,
          key: `AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-1/2024/05/14/f${n}.json.gz`,
          requester,
          ...spec,
        }),
      );

    it('would alert on the ingest role reading a big trail bucket without the setting', async () => {
      const raised = await alerts(s3LargeDataTransfer, trailFiles(INGEST_SESSION), {
        logBuckets: [TRAIL_BUCKET],
      });

      expect(raised).toHaveLength(1);
    });

    it('does not count the ingest role reading the trail bucket', () => {
      expect(detect(s3LargeDataTransfer, trailFiles(INGEST_SESSION), settings)).toEqual([]);
    });

    it('recognises the role when the setting gives it with a path', () => {
      const withPath = INGEST_ROLE.replace(':role/', ':role/service/trailwatch/');

      expect(
        detect(s3LargeDataTransfer, trailFiles(INGEST_SESSION), {
          logBuckets: [TRAIL_BUCKET],
          logReaders: [withPath],
        }),
      ).toEqual([]);
    });

    it('still alerts on another principal reading the same bucket in bulk', async () => {
      const other = 'arn:aws:sts::111122223333:assumed-role/Trailwatch-Operator/mallory';

      const raised = await alerts(s3LargeDataTransfer, trailFiles(other), settings);

      expect(raised).toHaveLength(1);
      expect(raised[0]?.dedupKey).toBe(
        'arn:aws:sts::111122223333:assumed-role/Trailwatch-Operator',
      );
    });

    it('still alerts on a role of the same name in another account', async () => {
      const foreign = INGEST_SESSION.replace('111122223333', '444455556666');

      expect(await alerts(s3LargeDataTransfer, trailFiles(foreign), settings)).toHaveLength(1);
    });

    it('still counts the ingest role reading a bucket that is not a log bucket', async () => {
      const raised = await alerts(
        s3LargeDataTransfer,
        trailFiles(INGEST_SESSION, { bucket: 'amzn-s3-demo-bucket1' }),
        settings,
      );

      expect(raised).toHaveLength(1);
    });
  });
});
