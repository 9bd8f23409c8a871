import { describe, expect, it } from 'vitest';
import {
  deepField,
  identifierOf,
  listItems,
  requestField,
  stringList,
} from '../../../detectors/helpers/request-values.js';
import { cloudTrailEvent } from '../../helpers/events.js';

describe('requestField', () => {
  it('returns the first non-blank string among the keys, ignoring case', () => {
    const event = cloudTrailEvent({ requestParameters: { LogGroupName: '  ', name: 'trail' } });

    expect(requestField(event, 'logGroupName', 'name')).toBe('trail');
  });

  it('returns undefined for null requestParameters and non-string values', () => {
    expect(requestField(cloudTrailEvent({ requestParameters: null }), 'name')).toBeUndefined();
    expect(
      requestField(cloudTrailEvent({ requestParameters: { name: 42 } }), 'name'),
    ).toBeUndefined();
  });
});

describe('deepField', () => {
  it('finds an identifier inside an EC2 request wrapper', () => {
    const request = { CreateTrafficMirrorSessionRequest: { NetworkInterfaceId: 'eni-1' } };

    expect(deepField(request, ['networkInterfaceId'])).toBe('eni-1');
  });

  it('stops at the depth limit', () => {
    expect(deepField({ a: { b: { c: { d: { id: 'x' } } } } }, ['id'], 2)).toBeUndefined();
  });
});

describe('identifierOf', () => {
  it('falls back to the response when the request does not name the resource', () => {
    const event = cloudTrailEvent({
      requestParameters: { cidrBlock: '10.0.0.0/16' },
      responseElements: { vpc: { vpcId: 'vpc-1' } },
    });

    expect(identifierOf(event, ['vpcId'])).toBe('vpc-1');
  });
});

describe('listItems and stringList', () => {
  it('unwraps EC2 item lists, bare arrays and single values', () => {
    expect(listItems({ items: [1, 2] })).toEqual([1, 2]);
    expect(listItems([3])).toEqual([3]);
    expect(listItems('x')).toEqual(['x']);
    expect(listItems(null)).toEqual([]);
  });

  it('reads strings and {content} wrappers, skipping blanks and odd types', () => {
    expect(stringList([{ content: 'fl-1', tag: 1 }, 'fl-2', ' ', 7, null])).toEqual([
      'fl-1',
      'fl-2',
    ]);
  });
});
