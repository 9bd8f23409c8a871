/**
 * The reference points (research/performance.md): gunzip only; gunzip + one
 * `JSON.parse` per file (the baseline); for single large files, streaming gunzip and
 * streaming gunzip + record splitter + `JSON.parse` per record.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { RecordSplitter } from '../../../ingest/record-splitter.js';
import { flag, readList, report } from './common.js';

const argv = process.argv.slice(2);
const mode = flag(argv, 'mode');
const files = readList(flag(argv, 'list'));
let events = 0;
let bytes = 0;
/** Every method reports this count, so all routes are checked to see the same data. */
let putBucketAcl = 0;

function count(record: { eventName?: unknown }): void {
  events++;
  if (record.eventName === 'PutBucketAcl') putBucketAcl++;
}

async function streamed(file: string, split: boolean): Promise<void> {
  const splitter = new RecordSplitter(16 * 1024 * 1024);
  const gunzip = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(
    createGunzip({ chunkSize: 64 * 1024 }),
  );
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (!split) continue;
    for (const piece of splitter.push(chunk)) {
      if (piece.type === 'element') count(JSON.parse(piece.text));
    }
  }
}

for (const file of files) {
  if (mode === 'gunzip') bytes += gunzipSync(readFileSync(file)).length;
  else if (mode === 'parse') {
    const text = gunzipSync(readFileSync(file));
    bytes += text.length;
    const records = JSON.parse(text.toString('utf8')).Records as { eventName?: unknown }[];
    for (let i = 0; i < records.length; i++) count(records[i] as { eventName?: unknown });
  } else if (mode === 'gunzip-stream') await streamed(file, false);
  else if (mode === 'split-stream') await streamed(file, true);
  else throw new Error(`unknown --mode ${mode}`);
}
// gunzip-only modes do not parse: they have no events to report.
const counted = mode === 'parse' || mode === 'split-stream';
report({ mode, bytes, ...(counted ? { events, putBucketAcl } : {}) });
