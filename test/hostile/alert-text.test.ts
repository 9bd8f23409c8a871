import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TablePublisher } from '../../alerting/publishers/table.js';
import { markdownText } from '../../alerting/sanitize.js';
import { ParamError } from '../../runbooks/errors.js';
import { investigateCommands } from '../../runbooks/investigate-commands.js';
import { planInvestigation } from '../../runbooks/plan.js';
import { HOSTILE_STRINGS } from './corpus/hostile-strings.js';
import { buildCorpus, STOPPED } from './corpus.js';
import { type Delivery, PipelineHarness } from './harness.js';
import { runCase, stockObjects } from './run-corpus.js';

/**
 * Catalog §E end to end: alerting events carrying attacker-controlled strings go
 * through the S3 handler, and what SNS receives (Subject, Alert JSON, email text),
 * what a terminal shows and what an investigation would run are checked for the
 * injected content: kept as data, never as markup, escapes, extra lines or SQL.
 */

const cases = buildCorpus().filter((c) => /^E\d+-hostile-strings$/.test(c.id));
const alerts = new Map<string, Delivery>();
let harness: PipelineHarness;

/** Every line of our email brief starts with one of these (or is blank). */
const EMAIL_LINE =
  /^(?:$|CRITICAL alert: |(?:What happened|Who|Where|How bad|Resources|Runbook|Run first|ATT&CK|Alert id):\s|Evidence was shortened)/;
/** Raw control, bidi and separator characters (a newline alone is allowed: it ends our lines). */
const RAW_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

function alertOf(id: string): Delivery {
  const delivery = alerts.get(id);
  if (!delivery) throw new Error(`no ${STOPPED} alert for ${id}`);
  return delivery;
}

describe('Alert text with attacker-controlled strings (catalog §E)', () => {
  beforeAll(async () => {
    harness = new PipelineHarness();
    stockObjects(harness, cases);
    for (const c of cases) {
      const run = await runCase(harness, c);
      const delivery = run.deliveries.find((d) => d.alert.detector === STOPPED);
      if (delivery) alerts.set(c.id.split('-')[0] as string, delivery);
    }
  }, 60_000);

  afterAll(() => harness.restore());

  it.each(Object.keys(HOSTILE_STRINGS))(
    '%s: keeps the email brief to its own lines, no raw controls',
    (id) => {
      const { email, subject } = alertOf(id);
      expect(email.split('\n').filter((line) => !EMAIL_LINE.test(line))).toEqual([]);
      expect(email).not.toMatch(RAW_CONTROL);
      expect(subject).toBe('[CRITICAL] CloudTrail logging stopped or trail deleted - 111122223333');
    },
  );

  it.each(Object.keys(HOSTILE_STRINGS))(
    '%s: keeps the raw value as data in the Alert JSON',
    (id) => {
      const { alert, message } = alertOf(id);
      const raw = HOSTILE_STRINGS[id as keyof typeof HOSTILE_STRINGS];
      expect(alert.summary).toContain(raw.slice(0, 40));
      // Display-unsafe characters travel as \u escapes, so the raw message has none.
      expect(message).not.toMatch(RAW_CONTROL);
    },
  );

  it('E1: a newline cannot forge a second email line or log line', () => {
    const { email } = alertOf('E1');
    expect(email).toContain('trail\\n2026-11-20T10:00:00Z INFO all clear');
    expect(email.split('\n').some((l) => l.startsWith('2026-11-20T10:00:00Z'))).toBe(false);
  });

  it('E2: ANSI and OSC-8 sequences are inert in the email and the terminal table', () => {
    const { alert, email } = alertOf('E2');
    const table = new TablePublisher({ out: new PassThrough(), color: false }).render([alert]);
    for (const text of [email, table]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toContain('\u0007');
    }
    expect(email).toContain('\\u001B[31mRED');
  });

  it('E3/E4/E10: Slack mentions, links, HTML and Markdown render as text', () => {
    for (const id of ['E3', 'E4', 'E10']) {
      const text = markdownText(alertOf(id).alert.summary, 10_000);
      expect(text).not.toMatch(/<[!@]|<http|<script|<img/);
      expect(text).not.toMatch(/(?<!\\)\[login\]\(/);
    }
    expect(markdownText(alertOf('E3').alert.summary, 10_000)).toContain('&lt;!channel&gt;');
  });

  it('E5: bidi overrides, zero-width characters and line separators show as escapes', () => {
    const { email, message } = alertOf('E5');
    expect(email).toContain('invoice\\u202Egpj.exe');
    expect(email).toContain('zero\\u200Bwidth');
    expect(message).toContain('\\\\u202e');
  });

  it('E6: injected JSON stays inside its string; severity and summary are ours', () => {
    const { alert } = alertOf('E6');
    expect(alert.severity).toBe('critical');
    expect(alert.detector).toBe(STOPPED);
    expect(alert.summary).toContain(HOSTILE_STRINGS.E6);
    expect(alert.summary).not.toBe('nothing to see');
  });

  it('E7: a 300 KB trail name and a 64 KB user agent still fit one SNS message', () => {
    const { alert, message } = alertOf('E7');
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(262_144);
    expect(alert.count).toBe(1);
    expect(alert.summary.length).toBeLessThan(10_000);
  });

  it('E8: SQL metacharacters never reach a query: the parameter is refused, the SQL text fixed', () => {
    // Prepare: the alert's principal carries the SQL payload.
    const { alert } = alertOf('E8');
    const window = { start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' };

    // Act / Assess: refused when given as a parameter...
    expect(() =>
      planInvestigation('cloudtrail-tampering', { principal: alert.principal, ...window }),
    ).toThrow(ParamError);
    // ...left out of the ready-to-run commands...
    const commands = investigateCommands(
      'cloudtrail-tampering',
      { principal: alert.principal, ...window },
      { engine: 'athena' },
    );
    for (const command of commands) {
      expect(command.params.principal).toBeUndefined();
      expect(command.command).not.toContain('DROP');
    }
    // ...and a valid value is a bound parameter, never part of the SQL text.
    const benign = planInvestigation('cloudtrail-tampering', {
      principal: 'arn:aws:iam::111122223333:user/alice',
      ...window,
    });
    for (const q of benign.queries) expect(q.compiled.text).not.toContain('alice');
    expect(
      benign.queries.some((q) => q.values.includes('arn:aws:iam::111122223333:user/alice')),
    ).toBe(true);
  });

  it('E9: an odd bucket-like name is an opaque, shortened string in the email', () => {
    const { email } = alertOf('E9');
    const who = email.split('\n').find((l) => l.startsWith('Who:')) ?? '';
    expect(who.length).toBeLessThanOrEqual(15 + 512);
    expect(email).toContain('../../%00BUCKET-Name-');
  });
});
