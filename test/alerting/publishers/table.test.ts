import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_WIDTHS, TablePublisher } from '../../../alerting/publishers/table.js';
import { alertFixture, HOSTILE } from '../fixtures.js';
import { capture } from './capture.js';

const ESC = '\u001b';

describe('TablePublisher', () => {
  it('prints a header and one row per alert, most severe then earliest first', async () => {
    // Prepare
    const out = capture();
    const alerts = [
      alertFixture({ id: 'late-high', firstSeen: '2026-11-20T11:00:00.000Z' }),
      alertFixture({ id: 'low', severity: 'low', detector: 'low-detector' }),
      alertFixture({ id: 'crit', severity: 'critical', detector: 'crit-detector' }),
      alertFixture({ id: 'early-high', detector: 'early-detector' }),
    ];

    // Act
    const result = await new TablePublisher({ out }).publish(alerts);

    // Assess
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^SEVERITY\s+DETECTOR\s+ACCOUNT\s+PRINCIPAL\s+RESOURCE\s+RUNBOOK\s+COUNT\s+SUMMARY$/,
    );
    expect(lines.slice(2).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'CRITICAL crit-detector',
      'HIGH early-detector',
      'HIGH test-bucket-policy-changed',
      'LOW low-detector',
    ]);
    expect(lines[2]).toContain('s3-public-exposure');
    expect(result.published).toHaveLength(4);
  });

  it('shows one resource and how many more', async () => {
    const out = capture();
    const alert = alertFixture({
      resources: ['arn:aws:s3:::a', 'arn:aws:s3:::b', 'arn:aws:s3:::c'],
    });

    await new TablePublisher({ out }).publish([alert]);

    expect(out.text()).toContain('s3:a (+2)');
  });

  it('keeps each alert on one line and lets no escape sequence through', async () => {
    const out = capture();
    const alert = alertFixture({
      principal: HOSTILE.osc8,
      summary: `${HOSTILE.fakeLogLine} ${HOSTILE.ansi} ${HOSTILE.bidi}`,
      resources: [HOSTILE.separators],
    });

    await new TablePublisher({ out, color: false }).publish([alert]);

    const text = out.text();
    expect(text.trimEnd().split('\n')).toHaveLength(3);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toMatch(/[\u2028\u2029\u202e]/);
  });

  it('cuts every cell to its column width', async () => {
    const out = capture();
    const alert = alertFixture({ principal: HOSTILE.userAgent64k, summary: HOSTILE.userAgent64k });

    await new TablePublisher({ out, widths: { summary: 50 } }).publish([alert]);

    const row = out.text().split('\n')[2] ?? '';
    const widths = { ...DEFAULT_TABLE_WIDTHS, summary: 50 };
    const total = Object.values(widths).reduce((a, b) => a + b, 0) + 2 * 7;
    expect(row.length).toBeLessThanOrEqual(total);
    expect(row).toMatch(/…\s/);
  });

  it('fits the summary to the terminal width', async () => {
    const out = capture();
    const alert = alertFixture({ summary: 'x'.repeat(500) });

    await new TablePublisher({ out, columns: 240 }).publish([alert]);

    const row = out.text().split('\n')[2] ?? '';
    expect(row.length).toBeLessThanOrEqual(240);
    expect(row.endsWith('…')).toBe(true);
  });

  it('shows ARNs without the partition and account the row already has', async () => {
    const out = capture();
    const alert = alertFixture({
      principal: 'arn:aws:sts::111122223333:assumed-role/Deploy/session-1',
    });

    await new TablePublisher({ out }).publish([alert]);

    expect(out.text()).toContain('sts:assumed-role/Deploy/session-1');
    expect(out.text()).not.toContain('arn:aws:sts::111122223333:assumed-role');
  });

  it('colours only the severity cell, and only when asked', async () => {
    const plain = capture();
    const coloured = capture();
    const alert = alertFixture({ severity: 'critical', summary: HOSTILE.ansi });

    await new TablePublisher({ out: plain }).publish([alert]);
    await new TablePublisher({ out: coloured, color: true }).publish([alert]);

    expect(plain.text()).not.toContain(ESC);
    const row = coloured.text().split('\n')[2] ?? '';
    expect(row.startsWith(`${ESC}[1;31mCRITICAL`)).toBe(true);
    expect(row.split(ESC)).toHaveLength(3);
  });

  it('writes nothing for no alerts', async () => {
    const out = capture();

    const result = await new TablePublisher({ out }).publish([]);

    expect(out.text()).toBe('');
    expect(result).toEqual({ published: [], failed: [] });
  });

  it('reports every alert failed when the stream breaks', async () => {
    const out = capture(new Error('EPIPE'));
    const alert = alertFixture();

    const result = await new TablePublisher({ out }).publish([alert]);

    expect(result.published).toEqual([]);
    expect(result.failed).toEqual([
      { id: alert.id, reason: 'Error: EPIPE', error: expect.any(Error) },
    ]);
  });
});
