import { describe, expect, it } from 'vitest';
import {
  compactTime,
  severityText,
  summaryText,
} from '../../../../alerting/publishers/table/alert-cells.js';

const OWN = '111122223333';

describe('alert cells', () => {
  it.each([
    ['2026-11-20T10:02:59Z', '11-20 10:02Z'],
    ['2026-11-20T23:30:00-01:00', '11-21 00:30Z'],
    ['+275760-09-13T00:00:00.000Z', '09-13 00:00Z'],
    ['not a date', 'not a date'],
  ])('writes %s as %s', (iso, text) => {
    expect(compactTime(iso)).toBe(text);
  });

  it('shortens the severity only when its column is narrow', () => {
    expect(severityText('critical', 8)).toBe('CRITICAL');
    expect(severityText('critical', 4)).toBe('CRIT');
    expect(severityText('medium', 4)).toBe('MED');
    expect(severityText('high', 4)).toBe('HIGH');
  });

  it('drops the leading actor and writes ARNs short, keeping foreign accounts', () => {
    const principal = `arn:aws:iam::${OWN}:user/alice`;
    const summary = `${principal} attached arn:aws:iam::aws:policy/AdministratorAccess to arn:aws:iam::${OWN}:role/app and arn:aws:lambda:us-west-2:999988887777:layer:x:3`;

    expect(summaryText({ summary, principal, account: OWN })).toBe(
      'attached iam:aws:policy/AdministratorAccess to iam:role/app and lambda:999988887777:layer:x:3',
    );
  });

  it('keeps a summary that does not start with the actor', () => {
    const summary = 'Root user signed in from 192.0.2.1';

    expect(summaryText({ summary, principal: `arn:aws:iam::${OWN}:root`, account: OWN })).toBe(
      summary,
    );
  });
});
