import { describe, expect, it } from 'vitest';
import {
  functionAccountOf,
  functionNameOf,
  layerArns,
} from '../../../detectors/helpers/lambda-names.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const lambdaCall = (requestParameters: unknown, responseElements: unknown = null) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionConfiguration20150331v2',
    requestParameters: requestParameters as Record<string, unknown> | null,
    responseElements: responseElements as Record<string, unknown> | null,
  });

describe('functionAccountOf', () => {
  it('reads the account from a full or partial function ARN', () => {
    const full = lambdaCall({
      functionName: `arn:aws:lambda:eu-west-1:${OTHER_ACCOUNT}:function:f`,
    });
    const partial = lambdaCall({ functionName: `${OTHER_ACCOUNT}:function:f` });

    expect(functionAccountOf(full)).toBe(OTHER_ACCOUNT);
    expect(functionAccountOf(partial)).toBe(OTHER_ACCOUNT);
  });

  it('falls back to the recording account for plain names and odd input', () => {
    expect(functionAccountOf(lambdaCall({ functionName: 'f' }))).toBe(ACCOUNT);
    expect(functionAccountOf(lambdaCall({ functionName: 7 }))).toBe(ACCOUNT);
    expect(functionAccountOf(lambdaCall(null))).toBe(ACCOUNT);
  });
});

describe('functionNameOf', () => {
  it('prefers the request name and falls back to the response ARN', () => {
    const arn = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`;

    expect(functionNameOf(lambdaCall({ functionName: 'f' }, { functionArn: arn }))).toBe('f');
    expect(functionNameOf(lambdaCall(null, { functionArn: arn }))).toBe(arn);
    expect(functionNameOf(lambdaCall(null))).toBeUndefined();
  });
});

describe('layerArns', () => {
  it('reads strings, {arn} objects and a single bare value, dropping junk', () => {
    expect(layerArns(['a', { arn: 'b' }, { Arn: 'c' }, null, 3, '', {}])).toEqual(['a', 'b', 'c']);
    expect(layerArns('solo')).toEqual(['solo']);
    expect(layerArns(undefined)).toEqual([]);
  });
});
