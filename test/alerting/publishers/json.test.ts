import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../alerting/alert.js';
import { JsonPublisher } from '../../../alerting/publishers/json.js';
import { JsonLinesPublisher } from '../../../alerting/publishers/jsonl.js';
import { alertFixture, HOSTILE } from '../fixtures.js';
import { capture } from './capture.js';

const hostileAlert = alertFixture({
  severity: 'critical',
  summary: `${HOSTILE.injection}${HOSTILE.fakeLogLine}${HOSTILE.separators}`,
  principal: `${HOSTILE.bidi}\uD800`,
  resources: [HOSTILE.osc8, HOSTILE.slack],
});

describe('JsonPublisher', () => {
  it('writes a JSON array that parses back to the alerts, most urgent first', async () => {
    const out = capture();
    const low = alertFixture({ id: 'low', severity: 'low' });

    await new JsonPublisher(out).publish([low, hostileAlert]);

    expect(JSON.parse(out.text())).toEqual([hostileAlert, low]);
  });

  it('writes an empty array for no alerts', async () => {
    const out = capture();

    await new JsonPublisher(out).publish([]);

    expect(JSON.parse(out.text())).toEqual([]);
  });
});

describe('JsonLinesPublisher', () => {
  it('writes one alert per line even when values hold line breaks and U+2028', async () => {
    // Prepare
    const out = capture();
    const other = alertFixture({ id: 'other' });

    // Act
    const result = await new JsonLinesPublisher(out).publish([other, hostileAlert]);

    // Assess
    const text = out.text();
    expect(text).not.toMatch(/[\u2028\u2029\u202e]/);
    const lines = text.trimEnd().split(/\r\n|\r|\n|\u2028|\u2029/);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l) as Alert)).toEqual([hostileAlert, other]);
    expect(result.published).toEqual([hostileAlert.id, other.id]);
  });

  it('keeps the severity despite a JSON injection in the summary', async () => {
    const out = capture();

    await new JsonLinesPublisher(out).publish([hostileAlert]);

    const parsed = JSON.parse(out.text()) as Alert;
    expect(parsed.severity).toBe('critical');
    expect(parsed.summary.startsWith(HOSTILE.injection)).toBe(true);
  });

  it('reports which alerts did not go out when the stream breaks', async () => {
    const out = capture(new Error('ENOSPC'));
    const alerts = [alertFixture({ id: 'one' }), alertFixture({ id: 'two' })];

    const result = await new JsonLinesPublisher(out).publish(alerts);

    expect(result.published).toEqual([]);
    expect(result.failed.map((f) => [f.id, f.reason])).toEqual([
      ['one', 'Error: ENOSPC'],
      ['two', 'Error: ENOSPC'],
    ]);
  });
});
