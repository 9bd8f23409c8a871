import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../../../alerting/publishers/table/cell-text.js';
import {
  actorLabel,
  fitLabel,
  labelText,
  resourceLabel,
} from '../../../../alerting/publishers/table/name-label.js';

const OWN = '111122223333';
const SSO = `arn:aws:sts::${OWN}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com`;

describe('actor labels', () => {
  it('writes a principal ARN from its resource part, without the alert’s own account', () => {
    expect(labelText(actorLabel(SSO, OWN))).toBe(
      'assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com',
    );
    expect(labelText(actorLabel(`arn:aws:iam::${OWN}:user/ops/bob`, OWN))).toBe('user/ops/bob');
    expect(labelText(actorLabel(`arn:aws:iam::${OWN}:root`, OWN))).toBe('root');
    expect(labelText(actorLabel('ec2.amazonaws.com', OWN))).toBe('ec2.amazonaws.com');
  });

  it('keeps a foreign account', () => {
    const label = actorLabel('arn:aws:sts::999988887777:assumed-role/Admin/eve', OWN);
    expect(labelText(label)).toBe('999988887777:assumed-role/Admin/eve');
    expect(fitLabel(label, 24)).toBe('999988887777:Admin/eve');
    expect(fitLabel(actorLabel('arn:aws:iam::999988887777:root', OWN), 40)).toBe(
      '999988887777:root',
    );
  });

  it('shortens the role, never the session name, while the name fits', () => {
    const label = actorLabel(SSO, OWN);
    expect(fitLabel(label, 52)).toBe('assumed-role/AWSReservedSSO_Admin…/alice@example.com');
    expect(fitLabel(label, 30)).toBe('AWSReserved…/alice@example.com');
    expect(fitLabel(label, 19)).toBe('…/alice@example.com');
    for (let width = 19; width <= 90; width += 1) {
      const text = fitLabel(label, width);
      expect(text.endsWith('/alice@example.com')).toBe(true);
      expect(cellWidth(text)).toBeLessThanOrEqual(width);
    }
  });

  it('prefers the role whole without its kind to the kind and a cut role', () => {
    const label = actorLabel(
      `arn:aws:sts::${OWN}:assumed-role/github-actions-deploy/GitHubActions`,
      OWN,
    );
    expect(fitLabel(label, 40)).toBe('github-actions-deploy/GitHubActions');
  });

  it('cuts a session name too long for the cell from its middle', () => {
    const session = `mallory@example.com${'x'.repeat(10_000)}-end`;
    const label = actorLabel(`arn:aws:sts::${OWN}:assumed-role/R/${session}`, OWN);
    for (const width of [10, 20, 40]) {
      const text = fitLabel(label, width);
      expect(text).toMatch(/^mal.*…x*-end$/);
      expect(cellWidth(text)).toBeLessThanOrEqual(width);
    }
  });

  it('measures wide names in cells', () => {
    const label = actorLabel(
      `arn:aws:sts::${OWN}:assumed-role/経理チーム管理者ロール/山田太郎`,
      OWN,
    );
    const text = fitLabel(label, 20);
    expect(text.endsWith('/山田太郎')).toBe(true);
    expect(cellWidth(text)).toBeLessThanOrEqual(20);
  });
});

describe('resource labels', () => {
  it.each([
    ['arn:aws:s3:::logs-bucket', 's3:logs-bucket'],
    ['arn:aws:s3:::b/exports/q3.csv', 's3:b/exports/q3.csv'],
    [`arn:aws:lambda:eu-west-1:${OWN}:function:email-sender`, 'lambda:function:email-sender'],
    ['arn:aws:lambda:us-west-2:999988887777:layer:perf:3', 'lambda:999988887777:layer:perf:3'],
    ['sg-0123456789abcdef0', 'sg-0123456789abcdef0'],
  ])('writes %s as %s', (arn, text) => {
    expect(labelText(resourceLabel(arn, OWN))).toBe(text);
  });

  it('keeps the resource name and shortens what precedes it', () => {
    const label = resourceLabel(
      `arn:aws:s3:::prod-data-lake-${OWN}/raw/2026/11/part-0001.parquet`,
      OWN,
    );
    expect(fitLabel(label, 30)).toBe('prod-data-l…/part-0001.parquet');
    const layer = resourceLabel('arn:aws:lambda:us-west-2:999988887777:layer:nodejs-perf:3', OWN);
    expect(fitLabel(layer, 32)).toBe('999988887777:layer:nodejs-perf:3');
  });
});
