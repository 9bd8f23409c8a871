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
    // Deterministic: the same request always counts the same.
    expect(unitsOf(3 * BYTE_UNIT + 5, 'X')).toBe(unitsOf(3 * BYTE_UNIT + 5, 'X'));
    expect(unitsOf(3 * BYTE_UNIT, 'X')).toBe(3);
  });
});
