import { describe, expect, it } from 'vitest';
import { lazyRecords, type RecordFilter, UNPARSED } from '../../ingest/lazy-records.js';
import { readObject } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { cloudTrailEvent } from '../helpers/events.js';
import { collect } from './helpers/collect.js';
import { gz, logFile } from './helpers/fixtures.js';
import { realisticRecords, seeded } from './helpers/records.js';

/** Keeps the records whose bytes mention `text`. */
const mentioning =
  (text: string): RecordFilter =>
  (document) => {
    const keep = new Uint8Array(document.count);
    document.forEachContaining(Buffer.from(text), (record) => {
      keep[record] = 1;
    });
    return keep;
  };

const events = (items: readonly IngestItem[]) =>
  items.flatMap((item) =>
    item.kind === 'event' ? [`${item.source.record} ${item.event.eventName}`] : [],
  );
const end = (items: readonly IngestItem[]) => items.find((item) => item.kind === 'object-end');

describe('Lazy reading of compact CloudTrail files', () => {
  it('parses only the records the filter keeps and counts the others, numbered in place', async () => {
    // Prepare
    const names = ['ListUsers', 'DeleteTrail', 'GetObject', 'StopLogging', 'ListRoles'];
    const file = gz(logFile(names.map((eventName) => cloudTrailEvent({ eventName }))));

    // Act
    const items = await collect(
      readObject('a.json.gz', file, { lazy: (body) => lazyRecords(body, mentioning('Trail')) }),
    );

    // Assess
    expect(events(items)).toEqual(['1 DeleteTrail']);
    expect(end(items)).toMatchObject({ events: 1, errors: 0, unparsed: 4 });
  });

  it('parses every record of a file that is not in the compact form, as without a filter', async () => {
    const records = [cloudTrailEvent({ eventName: 'DeleteTrail' }), cloudTrailEvent()];
    const pretty = Buffer.from(JSON.stringify({ Records: records }, null, 2));

    const items = await collect(
      readObject('a.json', pretty, { lazy: (body) => lazyRecords(body, mentioning('Trail')) }),
    );

    expect(events(items)).toEqual(['0 DeleteTrail', '1 ListUsers']);
    expect(end(items)).not.toHaveProperty('unparsed');
  });

  it('gives up on a record cut by a nested array of eventVersion objects, and reads the file whole', async () => {
    // Prepare: the separator appears inside requestParameters; the real record is one.
    const hostile = cloudTrailEvent({
      eventName: 'DeleteTrail',
      requestParameters: { items: [{ a: 1 }, { eventVersion: '1.09', eventName: 'StopLogging' }] },
    });
    const body = logFile([cloudTrailEvent(), hostile, cloudTrailEvent()]);
    expect(body.toString()).toContain('},{"eventVersion":"1.09","eventName":"StopLogging"');

    // Act
    const direct = lazyRecords(body, mentioning('Logging'));
    const items = await collect(
      readObject('a.json', body, { lazy: (body) => lazyRecords(body, mentioning('Logging')) }),
    );

    // Assess: the piece holding StopLogging is not an object of its own.
    expect(direct).toBeUndefined();
    expect(events(items)).toEqual(['0 ListUsers', '1 DeleteTrail', '2 ListUsers']);
  });

  it('leaves pieces of a cut record unparsed only when the filter rejects every piece', () => {
    const hostile = cloudTrailEvent({
      requestParameters: { items: [{ a: 1 }, { eventVersion: '1.09' }] },
    });

    const result = lazyRecords(logFile([hostile]), mentioning('NothingHere'));

    expect(result).toEqual([UNPARSED, UNPARSED]);
  });

  it('falls back on invalid UTF-8, so the ordinary path reports it', async () => {
    const body = Buffer.concat([
      Buffer.from('{"Records":[{"eventVersion":"1.09","eventName":"ListUsers","x":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}]}'),
    ]);

    expect(lazyRecords(body, mentioning('ListUsers'))).toBeUndefined();
  });

  it('gives the exhaustive items for the kept records of a realistic corpus, whatever the filter', async () => {
    // Prepare: 400 realistic records (escapes, multi-byte text), a random third kept.
    const records = realisticRecords(400, 11);
    const random = seeded(5);
    const kept = new Set(records.filter(() => random() < 0.33).map((r) => r.eventID));
    const filter: RecordFilter = (document) => {
      const keep = new Uint8Array(document.count);
      for (let i = 0; i < document.count; i++) {
        const text = document.body.toString('utf8', document.starts[i], document.ends[i]);
        keep[i] = [...kept].some((id) => text.includes(`"eventID":"${id}"`)) ? 1 : 0;
      }
      return keep;
    };
    const file = gz(logFile(records));

    // Act
    const lazy = await collect(
      readObject('a.json.gz', file, { lazy: (body) => lazyRecords(body, filter) }),
    );
    const exhaustive = await collect(readObject('a.json.gz', file, { exhaustive: true }));

    // Assess
    const keptItems = exhaustive.filter(
      (item) => item.kind !== 'event' || kept.has(item.event.eventID ?? ''),
    );
    expect(lazy.filter((item) => item.kind === 'event')).toEqual(
      keptItems.filter((item) => item.kind === 'event'),
    );
    expect(end(lazy)).toMatchObject({ events: kept.size, unparsed: 400 - kept.size });
  });
});
