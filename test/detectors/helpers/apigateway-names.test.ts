import { describe, expect, it } from 'vitest';
import {
  apiGatewayArn,
  apiRefOf,
  patchOperations,
  patchSets,
} from '../../../detectors/helpers/apigateway-names.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const apiCall = (requestParameters: Record<string, unknown> | null, awsRegion = 'us-east-1') =>
  cloudTrailEvent({
    eventSource: 'apigateway.amazonaws.com',
    eventName: 'X',
    awsRegion,
    requestParameters,
  });

describe('apiRefOf', () => {
  it('tells REST APIs from HTTP/WebSocket APIs', () => {
    expect(apiRefOf(apiCall({ restApiId: 'r1' }))).toEqual({ kind: 'rest', id: 'r1' });
    expect(apiRefOf(apiCall({ apiId: 'h1' }))).toEqual({ kind: 'v2', id: 'h1' });
    expect(apiRefOf(apiCall({ restApiId: '', apiId: 5 }))).toBeUndefined();
    expect(apiRefOf(apiCall(null))).toBeUndefined();
  });
});

describe('apiGatewayArn', () => {
  it('builds ARNs in the partition of the region', () => {
    expect(apiGatewayArn(apiCall(null), { kind: 'rest', id: 'r1' }, 'authorizers', 'a')).toBe(
      'arn:aws:apigateway:us-east-1::/restapis/r1/authorizers/a',
    );
    expect(apiGatewayArn(apiCall(null, 'cn-north-1'), { kind: 'v2', id: 'h1' })).toBe(
      'arn:aws-cn:apigateway:cn-north-1::/apis/h1',
    );
    expect(apiGatewayArn(apiCall(null, 'us-gov-west-1'), { kind: 'v2', id: 'h1' })).toBe(
      'arn:aws-us-gov:apigateway:us-gov-west-1::/apis/h1',
    );
  });
});

describe('patchOperations and patchSets', () => {
  it('finds operations wrapped or at the top level and matches path and value', () => {
    const wrapped = apiCall({
      updateMethodInput: {
        patchOperations: { op: 'add', path: '/AuthorizationType', value: 'None' },
      },
    });
    const ops = patchOperations(wrapped);

    expect(ops).toHaveLength(1);
    expect(patchSets(ops, '/authorizationType', 'NONE')).toBe(true);
    expect(patchSets(ops, '/apiKeyRequired', 'NONE')).toBe(false);
  });

  it('does not count remove operations or non-string values', () => {
    const ops = [
      { op: 'remove', path: '/authorizationType', value: 'NONE' },
      { op: 'replace', path: '/authorizationType', value: ['NONE'] },
    ];

    expect(patchSets(ops, '/authorizationType', 'NONE')).toBe(false);
  });
});
