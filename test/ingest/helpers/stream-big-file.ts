/**
 * Child-process check that the streaming path holds memory flat: reads a generated
 * gzip log file of `argv[2]` MB (uncompressed) that is never held in memory whole,
 * and prints `{ events, heapPeakMiB }`. Run it under a small --max-old-space-size:
 * a whole-file parse of the same content would run out of heap.
 */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { readObject } from '../../../ingest/read-object.js';
import { realisticRecords } from './records.js';

const megabytes = Number(process.argv[2] ?? '200');
const records = realisticRecords(50, 11).map((record) => JSON.stringify(record));

function* content(): Generator<Buffer> {
  yield Buffer.from('{"Records":[');
  let written = 0;
  for (let i = 0; written < megabytes * 1e6; i++) {
    const text = `${i === 0 ? '' : ','}${records[i % records.length]}`;
    written += text.length;
    yield Buffer.from(text);
  }
  yield Buffer.from(']}');
}

const body = Readable.from(content(), { objectMode: false }).pipe(createGzip({ level: 1 }));
let events = 0;
let errors = 0;
let peak = 0;
for await (const item of readObject('generated.json.gz', body)) {
  if (item.kind === 'event' && ++events % 2000 === 0)
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  if (item.kind === 'error') errors++;
}
process.stdout.write(JSON.stringify({ events, errors, heapPeakMiB: Math.round(peak / 2 ** 20) }));
