import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../alerting/config/types.js';
import { suppressedLine, suppressionSummary } from '../../cli/suppressed-report.js';
import { cloudtrailLoggingStopped } from '../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { detect } from '../helpers/detect.js';
import { cloudTrailEvent } from '../helpers/events.js';

const rule = (id: string): Suppression => ({ id, reason: 'r', detectors: '*', accounts: ['x'] });

describe('suppressionSummary', () => {
  it('says nothing when the config has no suppressions', () => {
    expect(suppressionSummary([], new Map())).toBe('');
  });

  it('reports zero when suppressions exist but matched nothing', () => {
    expect(suppressionSummary([rule('a')], new Map())).toBe('0 findings suppressed\n');
  });

  it('lists counts per rule in config order', () => {
    const counts = new Map([
      ['b', 1],
      ['a', 4],
    ]);
    expect(suppressionSummary([rule('a'), rule('c'), rule('b')], counts)).toBe(
      '5 findings suppressed: a 4, b 1\n',
    );
  });
});

describe('suppressedLine', () => {
  it('keeps attacker text on one line with control characters escaped', () => {
    const [finding] = detect(
      cloudtrailLoggingStopped,
      cloudTrailEvent({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        sourceIPAddress: '203.0.113.1\n\u001b[2J',
        requestParameters: { name: 'trail\nsuppressed [fake] forged line' },
      }),
    );
    if (!finding) throw new Error('fixture must fire');
    const line = suppressedLine(finding, rule('ci'));
    expect(line.startsWith('suppressed [ci] critical cloudtrail-logging-stopped ')).toBe(true);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('\u001b');
  });
});
