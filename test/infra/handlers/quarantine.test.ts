import { describe, expect, it } from 'vitest';
import {
  missingObjectAlert,
  notificationAlert,
  QUARANTINE_DETECTOR_ID,
  QuarantineLedger,
} from '../../../infra/handlers/quarantine.js';
import { IngestError } from '../../../ingest/errors.js';
import type { NotifiedObject } from '../../../ingest/s3-notification.js';

const KEY =
  'AWSLogs/o-exampleorg1/111122223333/CloudTrail/eu-west-1/2026/11/20/111122223333_CloudTrail_eu-west-1_20261120T1000Z_a.json.gz';
const OBJECT: NotifiedObject = {
  bucket: 'org-trail-logs',
  key: KEY,
  uri: `s3://org-trail-logs/${KEY}`,
  eventName: 'ObjectCreated:Put',
  eTag: 'abc123',
  eventTime: '2026-11-20T10:05:00.000Z',
};
const now = () => Date.parse('2026-12-01T00:00:00Z');

function recordError(
  record: number,
  message = 'invalid CloudTrail record: eventName: expected string',
) {
  return new IngestError('invalid-record', { object: OBJECT.uri, record }, message);
}

describe('QuarantineLedger', () => {
  it('raises no alert for an object without errors', () => {
    expect(new QuarantineLedger(OBJECT).alert(10, { now })).toBeUndefined();
  });

  it('turns record errors into one medium alert naming the object, counts and first reasons', () => {
    // Prepare
    const ledger = new QuarantineLedger(OBJECT);
    for (let i = 0; i < 1000; i++) ledger.note(recordError(i));

    // Act
    const alert = ledger.alert(4000, { now });

    // Assess
    expect(alert).toMatchObject({
      detector: QUARANTINE_DETECTOR_ID,
      severity: 'medium',
      count: 1000,
      account: '111122223333',
      region: 'eu-west-1',
      firstSeen: '2026-11-20T10:05:00.000Z',
      resources: [OBJECT.uri],
      runbook: { id: 'cloudtrail-tampering' },
    });
    expect(alert?.summary).toMatch(
      /^s3:\/\/org-trail-logs\/AWSLogs\/.+ was quarantined: 1000 problem\(s\) \(invalid-record x1000\); 4000 record\(s\)/,
    );
    expect(alert?.summary).toContain('First: record 0: invalid CloudTrail record');
    expect(alert?.summary.split('|')).toHaveLength(3);
    expect(ledger.describe().reasons).toHaveLength(3);
  });

  it('makes it high when the object itself is unreadable', () => {
    const ledger = new QuarantineLedger(OBJECT);
    ledger.note(recordError(0));
    ledger.note(
      new IngestError('truncated-gzip', { object: OBJECT.uri }, 'gzip stream ends early'),
    );

    const alert = ledger.alert(3, { now });

    expect(alert?.severity).toBe('high');
    expect(alert?.summary).toContain('invalid-record x1, truncated-gzip x1');
    expect(alert?.summary).toContain('gzip stream ends early');
  });

  it('gives the same id on a retry and a new one for another version of the object', () => {
    const ledger = () => {
      const l = new QuarantineLedger(OBJECT);
      l.note(recordError(0));
      return l;
    };
    const other = new QuarantineLedger({ ...OBJECT, eTag: 'def456' });
    other.note(recordError(0));
    expect(ledger().alert(1, { now })?.id).toBe(ledger().alert(1, { now })?.id);
    expect(other.alert(1, { now })?.id).not.toBe(ledger().alert(1, { now })?.id);
  });
});

describe('pipeline alerts for missing objects and bad notifications', () => {
  it('reports a missing object as high, with the reason', () => {
    const alert = missingObjectAlert(OBJECT, 'NoSuchKey: The specified key does not exist.', {
      now,
    });
    expect(alert.severity).toBe('high');
    expect(alert.summary).toContain(`${OBJECT.uri} no longer exists (NoSuchKey`);
    expect(alert.id).not.toBe(new QuarantineLedger(OBJECT).alert(0)?.id);
  });

  it('names an unusable message by id and body digest, and uses now for its time', () => {
    const error = new IngestError('invalid-notification', { object: 'sqs:m-1' }, 'not JSON');
    const alert = notificationAlert('m-1', 'hello', error, { now });
    expect(alert.resources).toEqual(['sqs:m-1']);
    expect(alert.summary).toContain('sha256 2cf24dba5fb0a30e');
    expect(alert.firstSeen).toBe('2026-12-01T00:00:00.000Z');
    expect(notificationAlert('m-2', 'hello', error, { now }).id).not.toBe(alert.id);
  });
});
