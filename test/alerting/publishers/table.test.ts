import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../alerting/alert.js';
import { cellWidth } from '../../../alerting/publishers/table/cell-text.js';
import { TablePublisher } from '../../../alerting/publishers/table.js';
import { alertFixture, HOSTILE } from '../fixtures.js';
import { capture } from './capture.js';

const ESC = '\u001b';
const ACCOUNT = '111122223333';
const SSO_ROLE = 'AWSReservedSSO_AdministratorAccess_0123456789abcdef';
const SSO_ACTOR = `arn:aws:sts::${ACCOUNT}:assumed-role/${SSO_ROLE}/alice@example.com`;

/** An alert whose every field is as long and awkward as CloudTrail lets an attacker make it. */
function hostileAlert(overrides: Partial<Alert> = {}): Alert {
  return alertFixture({
    detector: 'instance-credentials-discovery-burst-from-outside',
    principal: SSO_ACTOR,
    summary: `${HOSTILE.userAgent64k} ${HOSTILE.fakeLogLine} ${HOSTILE.osc8}`,
    resources: [
      `arn:aws:s3:::prod-data-lake-${ACCOUNT}/raw/orders/2026/${'k'.repeat(900)}/part-00106.snappy.parquet`,
      'arn:aws:s3:::second',
    ],
    ...overrides,
  });
}

function rows(text: string): string[] {
  return text.trimEnd().split('\n').slice(2);
}

/** Cells before `needle` in `line`: where a column starts on screen. */
function cellOffset(line: string, needle: string): number {
  const at = line.indexOf(needle);
  expect(at, `${needle} in ${line}`).toBeGreaterThanOrEqual(0);
  return cellWidth(line.slice(0, at));
}

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
    expect(lines[0]).toMatch(/^FIRST SEEN\s+SEVERITY\s+DETECTOR\s+ACTOR\s+RESOURCE\s+SUMMARY$/);
    expect(rows(out.text()).map((l) => l.split(/\s+/).slice(2, 4).join(' '))).toEqual([
      'CRITICAL crit-detector',
      'HIGH early-detector',
      'HIGH test-bucket-policy-changed',
      'LOW low-detector',
    ]);
    expect(result.published).toHaveLength(4);
  });

  it('starts each row with when the alert began, to the minute, in UTC', () => {
    const alert = alertFixture({ firstSeen: '2026-11-20T10:02:59.999+02:00' });

    const [row] = rows(new TablePublisher({ out: capture() }).render([alert]));

    expect(row?.startsWith('11-20 08:02Z  HIGH')).toBe(true);
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

  it.each([80, 120, 200])('never writes a row wider than a %i-cell terminal', (columns) => {
    const alerts = [
      hostileAlert(),
      hostileAlert({ id: 'b', account: '444455556666', principal: HOSTILE.userAgent64k }),
      hostileAlert({ id: 'c', severity: 'critical', resources: [HOSTILE.userAgent64k] }),
    ];

    const text = new TablePublisher({ out: capture(), columns }).render(alerts);

    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(columns);
    // Room is used: the summary runs to the terminal's edge, cut with a mark.
    expect(cellWidth(lines[2] ?? '')).toBeGreaterThan(columns - 3);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });

  it.each([80, 120])('keeps the session name of a long role at %i columns', (columns) => {
    const text = new TablePublisher({ out: capture(), columns }).render([hostileAlert()]);

    const [row] = rows(text);
    expect(row).toContain('/alice@example.com ');
    expect(row).not.toContain('arn:aws:sts::');
    if (columns >= 120) expect(row).toContain('AWSReser');
  });

  it('keeps the start and end of a session name too long for any column', () => {
    const session = `mallory@example.com${'x'.repeat(5000)}-end`;
    const alert = hostileAlert({
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${SSO_ROLE}/${session}`,
    });

    const [row] = rows(new TablePublisher({ out: capture(), columns: 120 }).render([alert]));

    expect(row).toMatch(/mallory@ex[^ ]*…x*-end /);
    expect(cellWidth(row ?? '')).toBeLessThanOrEqual(120);
  });

  it('keeps the resource name and says which account a foreign actor is from', () => {
    const alert = alertFixture({
      principal: 'arn:aws:sts::999988887777:assumed-role/OrganizationAccountAccessRole/x',
      resources: [`arn:aws:s3:::data-${'b'.repeat(60)}/exports/q3.csv`],
    });

    const [row] = rows(new TablePublisher({ out: capture(), columns: 120 }).render([alert]));

    expect(row).toContain('999988887777:');
    expect(row).toMatch(/data-b*…\/q3\.csv /);
  });

  it('measures wide and zero-width characters in cells, so columns stay aligned', () => {
    const alerts = [
      alertFixture({ id: 'ascii' }),
      alertFixture({
        id: 'cjk',
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/経理チーム/山田太郎`,
        detector: 'test-検知',
        resources: ['arn:aws:s3:::データ-bucket'],
      }),
      alertFixture({
        id: 'emoji',
        principal: `arn:aws:iam::${ACCOUNT}:user/🚨🔥deploy👩🏽‍💻`,
        resources: ['arn:aws:s3:::🇫🇷-bucket'],
      }),
      alertFixture({
        id: 'marks',
        // Each letter carries three combining marks: one cell per letter on screen.
        principal: `arn:aws:iam::${ACCOUNT}:user/${'z\u0301\u0316\u0353'.repeat(12)}`,
        resources: ['arn:aws:s3:::bucket-with-zero\u200bwidth'],
      }),
    ];

    const text = new TablePublisher({ out: capture(), columns: 120 }).render(
      alerts.map((alert) => ({ ...alert, summary: 'changed' })),
    );

    const lines = text.trimEnd().split('\n');
    const [header = '', , ...body] = lines;
    expect(body).toHaveLength(4);
    for (const line of body) {
      expect(cellWidth(line)).toBeLessThanOrEqual(120);
      // Every cell before the summary is padded: the summary starts where its header does.
      expect(cellOffset(line, '  changed') + 2).toBe(cellOffset(header, 'SUMMARY'));
    }
    // The zero-width space is shown as its escape, measured as the six cells it takes.
    expect(text).toContain('zero\\u200Bwidth');
  });

  it('drops the actor from the start of the summary and shortens ARNs in it', () => {
    const alert = alertFixture({
      summary: `arn:aws:iam::${ACCOUNT}:user/alice stopped logging on arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
    });

    const [row] = rows(new TablePublisher({ out: capture(), columns: 200 }).render([alert]));

    expect(row).toMatch(/ {2}stopped logging on cloudtrail:trail\/main$/);
  });

  it('adds an account column only when the alerts span several accounts', () => {
    const one = [alertFixture({ id: 'a' }), alertFixture({ id: 'b' })];
    const two = [...one, alertFixture({ id: 'c', account: '444455556666' })];

    const single = new TablePublisher({ out: capture(), columns: 160 }).render(one);
    const several = new TablePublisher({ out: capture(), columns: 160 }).render(two);

    expect(single).not.toContain('ACCOUNT');
    expect(several).toMatch(/ACCOUNT/);
    expect(several).toContain('444455556666');
  });

  it('prints every value whole in wide mode, one tab-separated line per alert', () => {
    const alert = hostileAlert({ summary: `${HOSTILE.userAgent64k}${HOSTILE.fakeLogLine}` });

    const text = new TablePublisher({ out: capture(), wide: true, columns: 80 }).render([alert]);

    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const cells = (lines[1] ?? '').split('\t');
    expect(cells).toEqual([
      '2026-11-20T10:00:00.000Z',
      'HIGH',
      'instance-credentials-discovery-burst-from-outside',
      ACCOUNT,
      SSO_ACTOR,
      alert.resources.join(','),
      `${HOSTILE.userAgent64k}aws-cli/2.0\\n2026-11-20T10:00:00Z INFO all clear, alert closed`,
    ]);
    expect(lines[0]?.split('\t')).toHaveLength(7);
  });

  it('colours only the severity cell, and only when asked', async () => {
    const plain = capture();
    const coloured = capture();
    const alert = alertFixture({ severity: 'critical', summary: HOSTILE.ansi });

    await new TablePublisher({ out: plain }).publish([alert]);
    await new TablePublisher({ out: coloured, color: true }).publish([alert]);

    expect(plain.text()).not.toContain(ESC);
    const row = coloured.text().split('\n')[2] ?? '';
    expect(row.startsWith(`11-20 10:00Z  ${ESC}[1;31mCRITICAL${ESC}[0m  test-`)).toBe(true);
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
