import { describe, expect, it } from 'vitest';
import { TamperedRecords } from '../../alerting/tampered-records.js';
import { DuplicateKeyError, IngestError } from '../../ingest/errors.js';

const OBJECT =
  's3://logs/AWSLogs/o-exampleorg1/111122223333/CloudTrail/eu-west-1/2026/11/20/f.json.gz';
const now = () => Date.parse('2026-11-21T00:00:00Z');

function ledgerWith(...records: [number, string][]): TamperedRecords {
  const ledger = new TamperedRecords(OBJECT);
  for (const [record, keyPath] of records) {
    ledger.note(DuplicateKeyError.inRecord({ object: OBJECT, record }, keyPath));
  }
  return ledger;
}

describe('TamperedRecords', () => {
  it('builds no alert until a repeated key is noted, and takes no other error', () => {
    const ledger = new TamperedRecords(OBJECT);
    expect(ledger.note(new IngestError('invalid-record', { object: OBJECT, record: 0 }, 'x'))).toBe(
      false,
    );
    expect(ledger.alert({ now })).toBeUndefined();
  });

  it('names the file, each record and its repeated key in a high alert', () => {
    const alert = ledgerWith([3, 'eventName'], [7, 'userIdentity.arn']).alert({
      now,
      time: '2026-11-20T10:05:00Z',
    });

    expect(alert).toMatchObject({
      detector: 'log-record-tampered',
      severity: 'high',
      count: 2,
      account: '111122223333',
      region: 'eu-west-1',
      resources: [OBJECT],
      eventIds: [],
      firstSeen: '2026-11-20T10:05:00.000Z',
      runbook: { id: 'cloudtrail-tampering' },
    });
    expect(alert?.summary).toContain(
      `${OBJECT} was altered after CloudTrail wrote it: 2 record(s) repeat a key within one object and were not read`,
    );
    expect(alert?.summary).toContain('record 3 (eventName), record 7 (userIdentity.arn)');
  });

  it('names the first records and counts the rest', () => {
    const records = Array.from({ length: 8 }, (_, i): [number, string] => [i, 'eventName']);
    const alert = ledgerWith(...records).alert({ now });
    expect(alert?.summary).toContain('record 4 (eventName), and 3 more');
    expect(alert?.count).toBe(8);
  });

  it('says so when the Records key itself repeats', () => {
    const ledger = new TamperedRecords(OBJECT);
    ledger.note(DuplicateKeyError.ofRecords({ object: OBJECT }, true));
    expect(ledger.alert({ now })?.summary).toContain('its top-level Records key is repeated');
  });

  it('gives a retry the same id, and another version of the object another', () => {
    const id = (identity: string) => ledgerWith([1, 'eventName']).alert({ now, identity })?.id;
    expect(id('v1')).toBe(id('v1'));
    expect(id('v1')).not.toBe(id('v2'));
  });
});
