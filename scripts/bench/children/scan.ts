/**
 * trailwatch's own pipeline, in steps, for the breakdown rows and the equivalence
 * check: `ingest` (read, parse, validate), `detect` (+ every detector, findings only
 * counted), `scan` (+ alerting, as `trailwatch scan` without config). `--exhaustive`
 * runs the reference path (zod on every record); `--synthetic n` swaps the catalog for
 * n synthetic detectors (engine scaling); `--time-engine` also times the engine alone.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { byUrgency } from '../../../alerting/alert-order.js';
import { runPipeline } from '../../../alerting/pipeline.js';
import { alertToJson } from '../../../alerting/safe-json.js';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { lazyReaderFor } from '../../../detectors/record-filter.js';
import { DEFAULT_SETTINGS, type Detector } from '../../../detectors/types.js';
import { readFileBatches } from '../../../ingest/index.js';
import { pairsFromCounts, syntheticDetectors } from '../synthetic-detectors.js';
import { flag, has, readList, report } from './common.js';

const argv = process.argv.slice(2);
const mode = flag(argv, 'mode');
const files = readList(flag(argv, 'list'));
const exhaustive = has(argv, 'exhaustive');

let detectors: readonly Detector[] = BUILTIN_DETECTORS;
if (has(argv, 'synthetic')) {
  const truth = JSON.parse(readFileSync(flag(argv, 'truth'), 'utf8')) as {
    counts: Record<string, number>;
  };
  detectors = syntheticDetectors(
    Number(flag(argv, 'synthetic')),
    BUILTIN_DETECTORS,
    pairsFromCounts(truth.counts),
  );
}
const engine = new DetectorEngine(detectors, { settings: DEFAULT_SETTINGS });
// As `trailwatch scan`: records no detector can match stay unparsed, except on the
// reference path and in the ingest-only row (which measures parsing everything).
const ingest = exhaustive || mode === 'ingest' ? { exhaustive } : { lazy: lazyReaderFor(engine) };

let events = 0;
let putBucketAcl = 0;
let findings = 0;
/** CPU (not wall) time inside the engine: other processes on the machine do not count. */
let engineCpuMicros = 0;
const timeEngine = has(argv, 'time-engine');

if (mode === 'scan') {
  const result = await runPipeline(readFileBatches(files, ingest), engine, new AlertAggregator());
  // The digest of what `trailwatch scan --format jsonl` would print: one line per alert.
  const hash = createHash('sha256');
  for (const alert of [...result.alerts].sort(byUrgency)) hash.update(`${alertToJson(alert)}\n`);
  report({
    mode,
    events: result.input.events,
    findings: result.input.findings,
    alerts: result.alerts.length,
    alertsSha256: hash.digest('hex'),
    detectors: detectors.length,
    exhaustive,
  });
} else {
  for await (const batch of readFileBatches(files, ingest)) {
    const started = timeEngine ? process.cpuUsage() : undefined;
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i];
      if (item?.kind === 'object-end') events += item.unparsed ?? 0;
      if (item?.kind !== 'event') continue;
      events++;
      if (item.event.eventName === 'PutBucketAcl') putBucketAcl++;
      if (mode === 'detect') findings += engine.evaluate(item.event).length;
    }
    if (started !== undefined) {
      const used = process.cpuUsage(started);
      engineCpuMicros += used.user + used.system;
    }
  }
  report({
    mode,
    events,
    putBucketAcl,
    findings,
    detectors: detectors.length,
    exhaustive,
    ...(timeEngine ? { engineNsPerEvent: (engineCpuMicros * 1000) / Math.max(1, events) } : {}),
  });
}
