import { describe, expect, it } from 'vitest';
import { getRunbook } from '../../runbooks/catalog.js';
import { placeholderValues } from '../../runbooks/placeholders.js';
import { renderRunbookMarkdown } from '../../runbooks/render-markdown.js';
import type { Runbook } from '../../runbooks/schema.js';

const runbook = getRunbook('s3-public-exposure') as Runbook;

describe('renderRunbookMarkdown', () => {
  it('renders every phase, the severity table, queries and references', () => {
    const md = renderRunbookMarkdown(runbook);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Severity',
      '## Triage',
      '## Contain',
      '## Eradicate',
      '## Recover',
      '## Post-incident',
      '## Investigation queries',
      '## References',
    ]);
    expect(md).toContain('| P1 |');
    expect(md).toContain(
      '### Anonymous requests to the bucket (access logs) (`access-log-anonymous-requests`)',
    );
    expect(md).toContain('Reads S3 server access logs');
    expect(md).toContain('aws s3api get-bucket-policy-status --bucket <bucket>');
  });

  it('fills placeholders only with safe alert values', () => {
    const filled = renderRunbookMarkdown(runbook, {
      values: placeholderValues({ bucket: 'acme-prod-data', account: "1111'22223333" }),
    });
    expect(filled).toContain('aws s3api get-bucket-policy-status --bucket acme-prod-data');
    expect(filled).toContain('--account-id <account>');
    expect(filled).not.toContain("1111'");
  });
});
