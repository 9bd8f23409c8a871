/**
 * What building the AWS IP-range lookup costs at the real file's size, and what a
 * lookup costs. Run: `node --expose-gc --import tsx scripts/aws-ip-ranges/bench.ts`.
 * Prints the file size, build time (median of 20) and its ratio to JSON.parse of the same text,
 * the structure's size, the memory the build touches, and lookups per second.
 */
import { parseAwsIpRanges } from '../../detectors/helpers/aws-ip-ranges-file.js';
import { parseIp } from '../../detectors/helpers/ip-address.js';
import { Rng } from '../corpus/prng.js';
import { REAL_FILE_SIZE, syntheticAwsIpRanges } from './synthetic.js';

const gc = (globalThis as { gc?: () => void }).gc;
const text = JSON.stringify(syntheticAwsIpRanges('bench', REAL_FILE_SIZE), null, 2);

/** Median milliseconds of 20 runs after a warm-up, with the fastest and slowest. */
function timed(run: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    run();
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[10] ?? 0, min: times[0] ?? 0, max: times[times.length - 1] ?? 0 };
}
// Absolute times vary with the machine's load: the ratio to JSON.parse of the same text does not.
const build = timed(() => parseAwsIpRanges(text, 'synthetic'));
const jsonOnly = timed(() => JSON.parse(text));

// Typed arrays live outside the JS heap: count both.
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
gc?.();
const before = used();
const ranges = parseAwsIpRanges(text, 'synthetic');
const peak = used() - before;
const { ipv4, ipv6 } = ranges.intervalCount;

const rng = new Rng('probes');
const probes = Array.from({ length: 200_000 }, (_, i) =>
  i % 2 === 0
    ? parseIp(Array.from({ length: 4 }, () => rng.int(0, 255)).join('.'))
    : parseIp(`2600:${rng.int(0, 0xffff).toString(16)}:${rng.int(0, 0xffff).toString(16)}::1`),
).filter((ip) => ip !== undefined);
let inside = 0;
const start = performance.now();
for (let round = 0; round < 5; round++) for (const ip of probes) if (ranges.contains(ip)) inside++;
const lookupSeconds = (performance.now() - start) / 1000;

console.log(
  JSON.stringify(
    {
      fileBytes: Buffer.byteLength(text),
      prefixes: ranges.prefixCount,
      intervals: ranges.intervalCount,
      buildMs: build,
      jsonParseMs: jsonOnly,
      buildToJsonParse: Number((build.median / jsonOnly.median).toFixed(2)),
      structureBytes: ipv4 * 8 + ipv6 * 32,
      transientBytesBeforeGc: peak,
      lookupsPerSecond: Math.round((probes.length * 5) / lookupSeconds),
      insideShare: inside / (probes.length * 5),
    },
    null,
    2,
  ),
);
