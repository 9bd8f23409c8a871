import { describe, expect, it } from 'vitest';
import { soundsPrivileged } from '../../../detectors/helpers/privileged-name.js';

describe('soundsPrivileged', () => {
  it.each([
    'Admins',
    'SysAdministrators',
    'platform-power-users',
    'PowerUsers',
    'SuperUser',
    'S3FullAccess',
    'break-glass',
    'Privileged',
    'root',
    'aws-owners',
    'OrganizationAccountAccessRole',
    'AWSControlTowerExecution',
  ])('says %s sounds privileged', (name) => {
    expect(soundsPrivileged(name)).toBe(true);
  });

  it.each(['data-analysts', 'developers', 'groot-fans', 'ownership-reports', 'billing', ''])(
    'says %j does not',
    (name) => {
      expect(soundsPrivileged(name)).toBe(false);
    },
  );

  it('does not look into absurdly long names', () => {
    expect(soundsPrivileged(`${'x'.repeat(600)}admin`)).toBe(false);
  });
});
