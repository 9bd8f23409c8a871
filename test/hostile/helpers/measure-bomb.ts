import { createGzip } from 'node:zlib';
import { readObject } from '../../../ingest/read-object.js';

/**
 * Run in a child process with a small heap: builds a gzip bomb (spaces inside
 * `{"Records":[ ... ]}`), reads it as an S3 object with a decompressed cap, and
 * prints what ingest reported with the peak memory seen while reading.
 * Usage: measure-bomb.ts <inflated MiB> <cap MiB>
 */
const MiB = 1024 * 1024;
const [inflatedMiB, capMiB] = process.argv.slice(2).map(Number) as [number, number];

async function bomb(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const block = Buffer.alloc(MiB, 0x20);
  gzip.write('{"Records":[');
  for (let i = 0; i < size / MiB; i++) {
    if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end(']}');
  await done;
  return Buffer.concat(out);
}

const body = await bomb(inflatedMiB * MiB);
let heapPeak = 0;
let rssPeak = 0;
const sample = () => {
  const m = process.memoryUsage();
  heapPeak = Math.max(heapPeak, m.heapUsed + m.arrayBuffers);
  rssPeak = Math.max(rssPeak, m.rss);
};
const timer = setInterval(sample, 5);
const started = performance.now();
const items: { kind: string; code?: string; message?: string }[] = [];
for await (const item of readObject(
  's3://org-trail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/bomb.json.gz',
  body,
  {
    maxDecompressedBytes: capMiB * MiB,
  },
)) {
  sample();
  items.push(
    item.kind === 'error'
      ? { kind: 'error', code: item.error.code, message: item.error.message }
      : { kind: item.kind },
  );
}
clearInterval(timer);
sample();
process.stdout.write(
  JSON.stringify({
    compressedBytes: body.length,
    inflatedMiB,
    capMiB,
    seconds: (performance.now() - started) / 1000,
    heapPeakMiB: heapPeak / MiB,
    rssPeakMiB: rssPeak / MiB,
    items,
  }),
);
