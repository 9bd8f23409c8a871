import type { PipelineResult } from '../alerting/pipeline.js';
import { displayLine } from '../alerting/sanitize.js';
import { anyEvictions } from '../alerting/state-eviction.js';
import type { IngestError } from '../ingest/errors.js';

/** How many ingest errors the summary lists one by one; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;

/** The closing summary of a scan, for stderr. */
export function scanSummary(result: PipelineResult, shown: number, seconds: number): string {
  const { input, stats } = result;
  const skipped = Object.entries(input.skippedByReason)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const mb = input.bytes / 1e6;
  const lines = [
    `scanned ${input.objects} files (${mb.toFixed(1)} MB), ${input.events.toLocaleString('en-US')} events${input.accessLogRecords ? ` and ${input.accessLogRecords.toLocaleString('en-US')} S3 access-log records` : ''} in ${seconds.toFixed(2)}s`,
    `skipped ${input.skipped} objects${skipped ? ` (${skipped})` : ''}; ${input.ingestErrors} input errors; ${input.detectorErrors} detector errors`,
    `${stats.alerts} alerts (${shown} shown) from ${input.findings} findings; ${stats.duplicates} duplicate events; ${stats.belowThreshold.findings} findings below threshold`,
  ];
  // First-seen detectors learn what is normal before they alert; say so, or a quiet
  // first scan looks like a clean one.
  if (stats.learned > 0 || stats.alreadyKnown > 0) {
    lines.push(
      `first-seen detectors: ${stats.learned} findings learned as normal (learning period), ${stats.alreadyKnown} already known`,
    );
  }
  const evicted = stats.evicted;
  if (evicted && anyEvictions(evicted)) {
    // A flood of distinct keys met the alerting state's memory bound: say what it cost.
    const n = (value: number) => value.toLocaleString('en-US');
    lines.push(
      `state limits reached (see docs/performance.md): evicted ${n(evicted.keys)} keys below threshold holding ${n(evicted.findings)} findings (${n(evicted.severeFindings)} high or critical); ${n(evicted.firstSeenMarks)} first-seen sightings not recorded; ${n(evicted.unmarkedEvents)} events not remembered for dedup`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One line per ingest error: the object (and record), and why. Attacker text is sanitised. */
export function errorLines(errors: readonly IngestError[], total: number): string {
  const lines = errors.map((e) => `error: ${displayLine(e.message, 400)}`);
  if (total > errors.length) lines.push(`... and ${total - errors.length} more input errors`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
