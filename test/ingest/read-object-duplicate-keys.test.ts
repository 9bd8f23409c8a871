import { describe, expect, it } from 'vitest';
import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { DuplicateKeyError } from '../../ingest/errors.js';
import { lazyRecords, type RecordFilter } from '../../ingest/lazy-records.js';
import type { IngestOptions } from '../../ingest/options.js';
import { readObject } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';
import { chunked, collect, errorsOf } from './helpers/collect.js';
import { eventBridgeEvent, gz } from './helpers/fixtures.js';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const BOB = 'arn:aws:iam::111122223333:user/bob';

/** A record's JSON with `"key":<first>,` inserted before its `"key":` at `marker`: the key now repeats. */
function repeated(record: CloudTrailEvent, marker: string, first: unknown): string {
  const text = JSON.stringify(record);
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${marker} not in the record`);
  const key = marker.slice(0, marker.indexOf(':') + 1);
  return `${text.slice(0, at)}${key}${JSON.stringify(first)},${text.slice(at)}`;
}

/** A compact CloudTrail log file of record texts, as CloudTrail writes it. */
const logText = (...records: string[]) => `{"Records":[${records.join(',')}]}`;
const json = (record: CloudTrailEvent) => JSON.stringify(record);

/** Keeps the records whose bytes mention `text`, as the engine's filter keeps listened-to names. */
const mentioning =
  (text: string): RecordFilter =>
  (document) => {
    const keep = new Uint8Array(document.count);
    document.forEachContaining(Buffer.from(text), (record) => {
      keep[record] = 1;
    });
    return keep;
  };

const ROUTES: [string, IngestOptions, number?][] = [
  ['read whole', {}],
  ['streamed in 7-byte chunks', { wholeParseMaxBytes: 0 }, 7],
  ['read lazily, the record parsed', { lazy: (body) => lazyRecords(body, mentioning('Logging')) }],
];

async function read(text: string, options: IngestOptions, chunk?: number): Promise<IngestItem[]> {
  const body = gz(text);
  return collect(readObject('f.json.gz', chunk ? chunked(body, chunk) : body, options));
}

/** `event <record> <eventName> <arn>` and `tampered <record|file> <keyPath>` lines. */
function outline(items: readonly IngestItem[]): string[] {
  return items.flatMap((item) => {
    if (item.kind === 'event') {
      return [
        `event ${item.source.record} ${item.event.eventName} ${item.event.userIdentity?.arn}`,
      ];
    }
    if (item.kind === 'error' && item.error instanceof DuplicateKeyError) {
      return [`tampered ${item.error.source.record ?? 'file'} ${item.error.keyPath}`];
    }
    if (item.kind === 'error') return [`error ${item.error.code}`];
    return [];
  });
}

describe.each(ROUTES)('readObject, %s: records that repeat a key', (_route, options, chunk) => {
  it('reports a StopLogging hidden behind a second, innocent eventName, and reads it as nothing', async () => {
    const hidden = repeated(
      cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'ListTrails' }),
      '"eventName":',
      'StopLogging',
    );
    const text = logText(json(cloudTrailEvent()), hidden, json(cloudTrailEvent()));

    const items = await read(text, options, chunk);

    expect(outline(items)).toEqual([
      `event 0 ListUsers ${ALICE}`,
      'tampered 1 eventName',
      `event 2 ListUsers ${ALICE}`,
    ]);
    const [error] = errorsOf(items);
    expect(error?.message).toMatch(
      /^f\.json\.gz record 1: key eventName is repeated within one object: the record was altered after CloudTrail wrote it and was not read/,
    );
    expect(items.at(-1)).toMatchObject({ kind: 'object-end', events: 2, errors: 1 });
  });

  it('reports a user framed by a second userIdentity.arn instead of blaming either', async () => {
    const framed = repeated(
      cloudTrailEvent({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        userIdentity: identities.iamUser('bob'),
      }),
      `"arn":"${BOB}"`,
      ALICE,
    );

    const items = await read(logText(framed), options, chunk);

    expect(outline(items)).toEqual(['tampered 0 userIdentity.arn']);
  });

  it('reports a key repeated deep inside requestParameters', async () => {
    const record = cloudTrailEvent({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' },
    });

    const items = await read(logText(repeated(record, '"name":', 'decoy')), options, chunk);

    expect(outline(items)).toEqual(['tampered 0 requestParameters.name']);
  });

  it('reads a key spelled with escapes as the key it decodes to', async () => {
    const record = cloudTrailEvent({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
    });
    const text = json(record).replace(
      '"eventName":',
      '"eventName":"ListTrails","event\\u004eame":',
    );

    expect(outline(await read(logText(text), options, chunk))).toEqual(['tampered 0 eventName']);
  });

  it('reads every array of a file whose Records key repeats, and reports the file', async () => {
    const first = cloudTrailEvent({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
    });
    const text = `{"Records":[${json(cloudTrailEvent())},${json(first)}],"Records":[${json(cloudTrailEvent({ eventName: 'GetUser' }))}]}`;

    const items = await read(text, options, chunk);

    expect(outline(items)).toEqual([
      `event 0 ListUsers ${ALICE}`,
      `event 1 StopLogging ${ALICE}`,
      'tampered file Records',
      `event 2 GetUser ${ALICE}`,
    ]);
    expect(errorsOf(items)[0]?.message).toContain(
      'top-level key Records is repeated: the file was altered after CloudTrail wrote it; the records of every Records array were read',
    );
  });

  it('reports a second Records key spelled with escapes', async () => {
    const text = `{"Records":[${json(cloudTrailEvent({ eventName: 'StopLogging' }))}],"Re\\u0063ords":[${json(cloudTrailEvent())}]}`;

    expect(outline(await read(text, options, chunk))).toEqual([
      `event 0 StopLogging ${ALICE}`,
      'tampered file Records',
      `event 1 ListUsers ${ALICE}`,
    ]);
  });

  it('never counts a ": or an escaped quote inside a string as a key', async () => {
    const record = cloudTrailEvent({
      eventName: 'StopLogging',
      eventSource: 'cloudtrail.amazonaws.com',
      userAgent: 'x","eventName":"ListTrails',
      errorMessage: '\\"eventName\\": \\"GetObject\\"',
      requestParameters: { name: 'trail', policy: '{"eventName":"a","eventName":"b"}' },
    });

    expect(outline(await read(logText(json(record)), options, chunk))).toEqual([
      `event 0 StopLogging ${ALICE}`,
    ]);
  });

  it('allows the same key in different objects of one record', async () => {
    const record = cloudTrailEvent({
      eventName: 'StopLogging',
      eventSource: 'cloudtrail.amazonaws.com',
      userIdentity: identities.assumedRole('deployer'),
      resources: [
        {
          ARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/a',
          type: 'AWS::CloudTrail::Trail',
        },
        {
          ARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/b',
          type: 'AWS::CloudTrail::Trail',
        },
      ],
    });
    expect(JSON.stringify(record).match(/"arn":/g)?.length).toBeGreaterThan(1);

    const items = await read(logText(json(record)), options, chunk);

    expect(items.filter((item) => item.kind === 'event')).toHaveLength(1);
    expect(errorsOf(items)).toEqual([]);
  });
});

describe('readObject: repeated keys elsewhere', () => {
  it('passes over, unread, a record the lazy filter judges no detector can match', async () => {
    // The design's cost bound: such a record is never parsed, so its repeats change no alert.
    const idle = repeated(cloudTrailEvent({ eventName: 'GetUser' }), '"eventName":', 'ListUsers');
    const lazy = (body: Buffer) => lazyRecords(body, mentioning('Logging'));

    const items = await read(logText(idle, json(cloudTrailEvent({ eventName: 'StopLogging' }))), {
      lazy,
    });

    expect(outline(items)).toEqual([`event 1 StopLogging ${ALICE}`]);
    expect(items.at(-1)).toMatchObject({ unparsed: 1 });
  });

  it('catches a second Records key on the lazy path even when the filter wants no record', async () => {
    const none: RecordFilter = (document) => new Uint8Array(document.count);
    const quiet = json(cloudTrailEvent());
    for (const second of ['"Records"', '"Re\\u0063ords"']) {
      const text = `{"Records":[${quiet},${quiet}],${second}:[${quiet}]}`;

      const items = await read(text, { lazy: (body) => lazyRecords(body, none) });

      expect(outline(items)).toEqual([
        `event 0 ListUsers ${ALICE}`,
        `event 1 ListUsers ${ALICE}`,
        'tampered file Records',
        `event 2 ListUsers ${ALICE}`,
      ]);
    }
  });

  it('reports the line of a JSON Lines file that repeats a key, and reads the others', async () => {
    const lines = [
      json(cloudTrailEvent()),
      repeated(cloudTrailEvent({ eventName: 'StopLogging' }), '"eventName":', 'DeleteTrail'),
      json(cloudTrailEvent({ eventName: 'GetUser' })),
    ];

    const items = await collect(readObject('f.jsonl', Buffer.from(lines.join('\n')), {}));

    expect(outline(items)).toEqual([
      `event 0 ListUsers ${ALICE}`,
      'tampered 1 eventName',
      `event 2 GetUser ${ALICE}`,
    ]);
  });

  it('names the EventBridge event of an array whose detail repeats a key', async () => {
    const event = JSON.stringify(eventBridgeEvent(cloudTrailEvent({ eventName: 'StopLogging' })));
    const tampered = event.replace('"eventName":', '"eventName":"ListTrails","eventName":');

    for (const options of [{}, { wholeParseMaxBytes: 0 }]) {
      const items = await collect(
        readObject('events.json', Buffer.from(`[${event},${tampered}]`), options),
      );
      expect(outline(items)).toEqual([
        `event 0 StopLogging ${ALICE}`,
        'tampered 1 detail.eventName',
      ]);
    }
  });

  it('lists a tampered record even after more bad records than the listing cap', async () => {
    const tampered = repeated(cloudTrailEvent(), '"eventName":', 'StopLogging');
    const text = `{"Records":[1,2,3,${tampered}]}`;

    const items = await read(text, { maxListedErrors: 2 });

    expect(outline(items)).toEqual([
      'error invalid-record',
      'error invalid-record',
      'tampered 3 eventName',
    ]);
    expect(items.at(-1)).toMatchObject({ errors: 4, unlistedErrors: 1 });
  });
});
