import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DECOMPRESSED_BYTES } from '../../infra/handlers/config.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;

interface BombReport {
  compressedBytes: number;
  seconds: number;
  heapPeakMiB: number;
  rssPeakMiB: number;
  items: { kind: string; code?: string; message?: string }[];
}

describe('Gzip bomb (catalog A10) against the Lambda default cap', () => {
  it('stops a 1.1 GiB bomb of ~1 MB at the 1 GiB cap in a 64 MiB heap, naming the object', async () => {
    // Prepare: just past the cap the S3 handler applies by default.
    const script = fileURLToPath(new URL('./helpers/measure-bomb.ts', import.meta.url));
    const capMiB = DEFAULT_MAX_DECOMPRESSED_BYTES / MiB;

    // Act
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=64', script, String(capMiB + 100), String(capMiB)],
      { maxBuffer: 1024 * 1024 },
    );

    // Assess
    const report = JSON.parse(stdout) as BombReport;
    console.info(
      `gzip bomb: ${(report.compressedBytes / MiB).toFixed(2)} MiB gzip -> ${capMiB + 100} MiB, ` +
        `stopped at ${capMiB} MiB in ${report.seconds.toFixed(1)} s; ` +
        `peak heap ${report.heapPeakMiB.toFixed(0)} MiB, peak RSS ${report.rssPeakMiB.toFixed(0)} MiB`,
    );
    expect(report.compressedBytes).toBeLessThan(2 * MiB);
    expect(report.items.map((i) => i.kind)).toEqual(['error', 'object-end']);
    expect(report.items[0]?.code).toBe('oversize');
    expect(report.items[0]?.message).toMatch(
      /^s3:\/\/org-trail-logs\/.+bomb\.json\.gz: content exceeds maxDecompressedBytes \(1073741824 bytes\)/,
    );
    expect(report.heapPeakMiB).toBeLessThan(64);
    expect(report.rssPeakMiB).toBeLessThan(256);
  }, 120_000);
});
