import { describe, expect, it } from 'vitest';
import {
  addedEc2Recipients,
  addedRdsRestoreRecipients,
  judgeShare,
} from '../../../detectors/helpers/resource-sharing.js';
import { DEFAULT_SETTINGS } from '../../../detectors/types.js';

const OWN = '111122223333';

describe('addedEc2Recipients', () => {
  it('reads group, user, organisation and OU items under <attribute>.add.items', () => {
    const request = {
      launchPermission: {
        add: {
          items: [
            { group: 'all' },
            { userId: '444455556666' },
            { organizationArn: 'arn:aws:organizations::123456789012:organization/o-abcdefghij' },
          ],
        },
      },
    };

    expect(addedEc2Recipients(request, 'launchPermission')).toEqual([
      { kind: 'public' },
      { kind: 'account', account: '444455556666' },
      {
        kind: 'organization',
        arn: 'arn:aws:organizations::123456789012:organization/o-abcdefghij',
        orgId: 'o-abcdefghij',
        managementAccount: '123456789012',
      },
    ]);
  });

  it('reads a single item logged as an object and a bare array', () => {
    expect(
      addedEc2Recipients(
        { createVolumePermission: { add: { items: { userId: 'all' } } } },
        'createVolumePermission',
      ),
    ).toEqual([{ kind: 'public' }]);
    expect(
      addedEc2Recipients(
        { createVolumePermission: { add: [{ group: 'all' }] } },
        'createVolumePermission',
      ),
    ).toEqual([{ kind: 'public' }]);
  });

  it('ignores removals and reads the flat operationType form only when adding', () => {
    const removal = { createVolumePermission: { remove: { items: [{ group: 'all' }] } } };
    expect(addedEc2Recipients(removal, 'createVolumePermission')).toEqual([]);
    expect(
      addedEc2Recipients({ operationType: 'add', userGroup: ['all'] }, 'launchPermission'),
    ).toEqual([{ kind: 'public' }]);
    expect(
      addedEc2Recipients({ operationType: 'remove', userId: ['444455556666'] }, 'launchPermission'),
    ).toEqual([]);
  });

  it('does not throw on odd input', () => {
    expect(addedEc2Recipients(null, 'launchPermission')).toEqual([]);
    expect(addedEc2Recipients({ launchPermission: { add: 'x' } }, 'launchPermission')).toEqual([
      { kind: 'unknown', value: 'x' },
    ]);
    expect(
      addedEc2Recipients({ launchPermission: { add: [7, null, {}] } }, 'launchPermission'),
    ).toEqual([]);
  });
});

describe('addedRdsRestoreRecipients', () => {
  it('reads valuesToAdd of the restore attribute only', () => {
    expect(
      addedRdsRestoreRecipients({ attributeName: 'restore', valuesToAdd: ['all', '444455556666'] }),
    ).toEqual([{ kind: 'public' }, { kind: 'account', account: '444455556666' }]);
    expect(addedRdsRestoreRecipients({ attributeName: 'other', valuesToAdd: ['all'] })).toEqual([]);
    expect(
      addedRdsRestoreRecipients({ attributeName: 'restore', valuesToRemove: ['all'] }),
    ).toEqual([]);
  });
});

describe('judgeShare', () => {
  const settings = { ...DEFAULT_SETTINGS, trustedAccounts: ['444455556666'] };

  it('rates public critical and picks the worst recipient', () => {
    const verdict = judgeShare(
      [{ kind: 'account', account: '999988887777' }, { kind: 'public' }],
      OWN,
      settings,
    );

    expect(verdict?.severity).toBe('critical');
  });

  it('returns undefined when every recipient is own, trusted or also trusted', () => {
    const recipients = [
      { kind: 'account', account: OWN },
      { kind: 'account', account: '444455556666' },
      { kind: 'account', account: '652050842985' },
    ] as const;

    expect(judgeShare(recipients, OWN, settings, new Set(['652050842985']))).toBeUndefined();
  });

  it('rates a foreign organisation high when organisation ids are configured, medium when not', () => {
    const org = [
      {
        kind: 'organization',
        arn: 'arn:aws:organizations::123456789012:organization/o-abcdefghij',
        orgId: 'o-abcdefghij',
        managementAccount: '123456789012',
      },
    ] as const;

    expect(judgeShare(org, OWN, DEFAULT_SETTINGS)?.severity).toBe('medium');
    expect(
      judgeShare(org, OWN, { ...DEFAULT_SETTINGS, trustedOrganizationIds: ['o-ourorg1234'] })
        ?.severity,
    ).toBe('high');
    expect(
      judgeShare(org, OWN, { ...DEFAULT_SETTINGS, trustedOrganizationIds: ['o-abcdefghij'] }),
    ).toBeUndefined();
  });
});
