import { describe, expect, it } from 'vitest';
import { secretKeyOf } from '../../../detectors/helpers/secret-id.js';

describe('secretKeyOf', () => {
  it('gives a secret read by name and by ARN the same key', () => {
    const byName = secretKeyOf('prod/db/master', 'us-east-1');
    const byArn = secretKeyOf(
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db/master-Ab12Cd',
      'eu-west-1',
    );

    expect(byName).toBe('us-east-1:prod/db/master');
    expect(byArn).toBe(byName);
  });

  it('keeps the same name in two regions apart', () => {
    expect(secretKeyOf('prod/db/master', 'us-east-1')).not.toBe(
      secretKeyOf('prod/db/master', 'eu-west-1'),
    );
  });

  it.each([[''], ['   '], [42], [null], [['prod/db']], ['x'.repeat(5000)]])(
    'answers undefined for %j',
    (id) => {
      expect(secretKeyOf(id, 'us-east-1')).toBeUndefined();
    },
  );
});
