import { describe, expect, it } from 'vitest';
import type { AggregationStats } from '../../alerting/aggregator.js';
import { emptyStats, type PipelineResult } from '../../alerting/pipeline.js';
import { errorLines, scanSummary } from '../../cli/summary.js';
import { IngestError } from '../../ingest/errors.js';

const stats = (over: Partial<AggregationStats> = {}): AggregationStats => ({
  findings: 10,
  duplicates: 1,
  invalidEventTimes: 0,
  alerts: 2,
  suppressedAlerts: 0,
  belowThreshold: { findings: 3, keys: 1 },
  learned: 0,
  alreadyKnown: 0,
  ...over,
});

const result = (over: Partial<AggregationStats> = {}): PipelineResult => ({
  alerts: [],
  stats: stats(over),
  input: {
    ...emptyStats(),
    objects: 4,
    events: 1200,
    skipped: 1,
    skippedByReason: { 'cloudtrail-digest': 1 },
  },
});

describe('Function: scanSummary', () => {
  it('says what was read, skipped and raised', () => {
    const text = scanSummary(result(), 2, 1.5);
    expect(text).toContain('scanned 4 files');
    expect(text).toContain('1,200 events in 1.50s');
    expect(text).toContain('1 cloudtrail-digest');
    expect(text).toContain('2 alerts (2 shown)');
  });

  it('reports first-seen learning only when it happened', () => {
    expect(scanSummary(result(), 0, 1)).not.toContain('first-seen');
    expect(scanSummary(result({ learned: 7, alreadyKnown: 2 }), 0, 1)).toContain(
      '7 findings learned as normal',
    );
  });
});

describe('Function: scanSummary, state limits', () => {
  it('says what a flood of keys cost when the state limits were reached', () => {
    const evicted = {
      keys: 380_998,
      findings: 381_500,
      severeFindings: 2,
      firstSeenMarks: 7,
      unmarkedEvents: 0,
    };

    const text = scanSummary(result({ evicted }), 1, 1);

    expect(text).toContain(
      'state limits reached (see docs/performance.md): evicted 380,998 keys below threshold holding 381,500 findings (2 high or critical); 7 first-seen sightings not recorded; 0 events not remembered for dedup',
    );
  });

  it('says nothing about state limits when nothing was evicted', () => {
    const none = { keys: 0, findings: 0, severeFindings: 0, firstSeenMarks: 0, unmarkedEvents: 0 };

    expect(scanSummary(result({ evicted: none }), 0, 1)).not.toContain('state limits');
    expect(scanSummary(result(), 0, 1)).not.toContain('state limits');
  });
});

describe('Function: errorLines', () => {
  it('lists errors with the object and reason, escaping control characters, and counts the rest', () => {
    const error = new IngestError('invalid-json', { object: 'logs/a\u001b[31m.json' }, 'bad JSON');
    const text = errorLines([error], 5);
    expect(text).toContain('logs/a\\u001B[31m.json: bad JSON');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('4 more input errors');
  });
});
