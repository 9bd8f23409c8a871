import { describe, expect, it } from 'vitest';
import { batchByFilter } from '../../../detectors/secrets/secrets-batch-read-broad-filter.examples.js';
import { secretsBatchReadBroadFilter } from '../../../detectors/secrets/secrets-batch-read-broad-filter.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: secrets-batch-read-broad-filter', () => {
  it.each([
    ['the key "all", any case', [{ key: 'All', values: ['prod'] }], 'filter key "all"'],
    ['a negated value', [{ key: 'tag-key', values: ['!keep'] }], 'negated tag-key value "!keep"'],
    [
      'a blank value (an empty prefix matches every secret)',
      [{ key: 'name', values: [''] }],
      'blank name value',
    ],
  ])('fires on %s', (_label, filters, why) => {
    const [finding] = detect(secretsBatchReadBroadFilter, batchByFilter(filters));

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toBe(
      `arn:aws:iam::111122223333:user/mallory read secrets in bulk with a ${why}`,
    );
  });

  it('keeps one alert per principal whatever the filters', () => {
    const a = detect(secretsBatchReadBroadFilter, batchByFilter([{ key: 'all', values: ['a'] }]));
    const b = detect(secretsBatchReadBroadFilter, batchByFilter([{ key: 'name', values: ['!z'] }]));

    expect(a[0]?.dedupKey).toBe(b[0]?.dedupKey);
  });

  it('reports a refused sweep as a medium attempt, and ignores other failures', () => {
    const sweep = batchByFilter([{ key: 'all', values: ['prod'] }]);

    const [attempt] = detect(secretsBatchReadBroadFilter, failed(sweep, 'AccessDeniedException'));
    expect(attempt?.severity).toBe('medium');
    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDeniedException' });
    expect(detect(secretsBatchReadBroadFilter, failed(sweep, 'InvalidRequestException'))).toEqual(
      [],
    );
  });

  it.each([
    ['a narrow tag filter', { filters: [{ key: 'tag-key', values: ['orders-api'] }] }],
    ['a value with "!" inside, not in front', { filters: [{ key: 'name', values: ['prod!x'] }] }],
    ['filters that are not objects', { filters: ['all', 7, null] }],
    ['values that are not strings', { filters: [{ key: 'name', values: [7, null, ['!x']] }] }],
    ['no request', null],
  ])('ignores %s', (_label, requestParameters) => {
    expect(detect(secretsBatchReadBroadFilter, batchByFilter([], { requestParameters }))).toEqual(
      [],
    );
  });

  it('ignores AWS services reading on a principal’s behalf', () => {
    const event = batchByFilter([{ key: 'all', values: ['x'] }], {
      userIdentity: {
        ...identities.iamUser('deployer'),
        invokedBy: 'cloudformation.amazonaws.com',
      },
    });

    expect(detect(secretsBatchReadBroadFilter, event)).toEqual([]);
  });
});
