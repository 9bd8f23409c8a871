import { describe, expect, it } from 'vitest';
import { findLocalLogFiles } from '../../../runbooks/duckdb/local-files.js';
import { FIXTURE_LOGS } from '../fixture-params.js';

const name = (path: string) => path.slice(FIXTURE_LOGS.length + 1);

describe('findLocalLogFiles', () => {
  it('sorts CloudTrail files, access logs and what is passed over', async () => {
    const files = await findLocalLogFiles([FIXTURE_LOGS]);

    expect(files.cloudTrail.map((f) => [f.kind, name(f.path)])).toEqual([
      ['trail', expect.stringMatching(/111122223333\/CloudTrail\/us-east-1\/2024\/05\/10\//)],
      ['trail', expect.stringMatching(/2024\/05\/14\/.*_MorningAbc\.json\.gz$/)],
      // Plain .json in the layout: recognised by its content.
      ['trail', expect.stringMatching(/2024\/05\/14\/.*_LaterAbcd\.json$/)],
      ['trail', expect.stringMatching(/111122223333\/CloudTrail\/us-east-1\/2024\/05\/15\//)],
      ['trail', expect.stringMatching(/111122223333\/CloudTrail\/us-west-2\//)],
      ['trail', expect.stringMatching(/444455556666\/CloudTrail\/us-east-1\//)],
      ['eventbridge', 'eventbridge/aws-api-call-via-cloudtrail.json'],
      ['records', 'jsonl/cloudtrail-records.jsonl'],
    ]);
    expect(files.accessLogs.map(name)).toEqual([
      expect.stringMatching(/acme-prod-data\/2024\/05\/13\//),
      expect.stringMatching(/acme-prod-data\/2024\/05\/14\//),
    ]);
    expect(files.skipped.map((s) => [s.reason, name(s.path).split('/').pop()])).toEqual([
      ['hidden', '.hidden.json'],
      ['cloudtrail-digest', expect.stringContaining('CloudTrail-Digest')],
      ['cloudtrail-insight', expect.stringContaining('CloudTrail-Insight')],
      ['not-a-log-file', 'README.txt'],
      ['not-cloudtrail', 'notes.json'],
    ]);
  });

  it('keeps only files whose layout date is in the window', async () => {
    const files = await findLocalLogFiles([FIXTURE_LOGS], {
      dayFrom: '2024/05/14',
      dayTo: '2024/05/14',
    });

    expect(
      files.cloudTrail
        .filter((f) => f.kind === 'trail')
        .every((f) => f.path.includes('/2024/05/14/')),
    ).toBe(true);
    expect(files.skipped.filter((s) => s.reason === 'outside-window')).toHaveLength(3);
  });

  it('reports a path that does not exist', async () => {
    const files = await findLocalLogFiles(['/no/such/path']);
    expect(files.skipped).toEqual([
      { path: '/no/such/path', reason: 'unreadable', detail: expect.stringContaining('ENOENT') },
    ]);
  });
});
