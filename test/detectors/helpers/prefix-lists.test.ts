import { describe, expect, it } from 'vitest';
import {
  awsManagedPrefixList,
  prefixListEntriesAdded,
  prefixListOf,
} from '../../../detectors/helpers/prefix-lists.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const call = (eventName: string, requestParameters: unknown, responseElements: unknown = null) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName,
    requestParameters: requestParameters as Record<string, unknown>,
    responseElements: responseElements as Record<string, unknown> | null,
  });

describe('awsManagedPrefixList', () => {
  it("knows CloudFront's origin-facing lists and the gateway endpoint lists", () => {
    expect(awsManagedPrefixList('pl-3b927c52')).toContain('CloudFront');
    expect(awsManagedPrefixList(' PL-4FA04526 ')).toContain('eu-west-1');
    expect(awsManagedPrefixList('pl-63a5400a')).toContain('s3');
    expect(awsManagedPrefixList('pl-0f1e2d3c4b5a69788')).toBeUndefined();
  });
});

describe('prefixListEntriesAdded', () => {
  it('reads Entry on create (one entry as an object) and the list id from the response', () => {
    const event = call(
      'CreateManagedPrefixList',
      {
        CreateManagedPrefixListRequest: {
          PrefixListName: 'p',
          Entry: { Cidr: '0.0.0.0/0', tag: 1 },
        },
      },
      { CreateManagedPrefixListResponse: { prefixList: { prefixListId: 'pl-0abc' } } },
    );

    expect(prefixListEntriesAdded(event)).toEqual(['0.0.0.0/0']);
    expect(prefixListOf(event)).toBe('pl-0abc');
  });

  it('reads AddEntry on modify and ignores RemoveEntry', () => {
    const event = call('ModifyManagedPrefixList', {
      ModifyManagedPrefixListRequest: {
        PrefixListId: 'pl-0abc',
        AddEntry: [{ Cidr: '0.0.0.0/1' }, { Cidr: '128.0.0.0/1' }],
        RemoveEntry: [{ Cidr: '10.0.0.0/8' }],
      },
    });

    expect(prefixListEntriesAdded(event)).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
    expect(prefixListOf(event)).toBe('pl-0abc');
  });

  it('reads the SDK shape and does not throw on odd input', () => {
    expect(
      prefixListEntriesAdded(call('CreateManagedPrefixList', { Entries: [{ Cidr: '::/0' }] })),
    ).toEqual(['::/0']);
    expect(
      prefixListEntriesAdded(call('ModifyManagedPrefixList', { AddEntry: [null, 3, { Cidr: 7 }] })),
    ).toEqual([]);
  });
});
