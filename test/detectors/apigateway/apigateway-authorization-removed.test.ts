import { describe, expect, it } from 'vitest';
import {
  apiCall,
  noAuth,
  updateMethod,
} from '../../../detectors/apigateway/apigateway-authorization-removed.examples.js';
import { apigatewayAuthorizationRemoved as detector } from '../../../detectors/apigateway/apigateway-authorization-removed.js';
import { detect } from '../../helpers/detect.js';
import { failed } from '../../helpers/events.js';

const updateRoute = (body: Record<string, unknown>) =>
  apiCall('UpdateRoute', { apiId: 'a1b2c3d4e5', routeId: 'r0ute1', ...body });

describe('Detector: apigateway-authorization-removed', () => {
  it('fires when a REST method is patched to authorizationType NONE', () => {
    // Act
    const findings = detect(detector, updateMethod([noAuth]));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([
      'arn:aws:apigateway:eu-west-1::/restapis/3c8y72vp6f/resources/x4jk7w/methods/POST',
    ]);
    expect(findings[0]?.summary).toContain('removed authorization from POST');
  });

  it('fires when the patch operations sit at the top level and the authorizer is cleared too', () => {
    const event = apiCall('UpdateMethod', {
      restApiId: '3c8y72vp6f',
      resourceId: 'x4jk7w',
      httpMethod: 'GET',
      patchOperations: [
        { op: 'replace', path: '/authorizationType', value: 'none' },
        { op: 'replace', path: '/authorizerId', value: '' },
      ],
    });

    expect(detect(detector, event)).toHaveLength(1);
  });

  it('fires when an HTTP API route is updated to NONE', () => {
    const findings = detect(
      detector,
      updateRoute({ authorizationType: 'NONE', routeKey: 'POST /orders' }),
    );

    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([
      'arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5/routes/r0ute1',
    ]);
    expect(findings[0]?.summary).toContain('route POST /orders');
  });

  it('fires medium when a REST authorizer is deleted', () => {
    const findings = detect(
      detector,
      apiCall('DeleteAuthorizer', { restApiId: '3c8y72vp6f', authorizerId: 'auth12' }),
    );

    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.resources).toEqual([
      'arn:aws:apigateway:eu-west-1::/restapis/3c8y72vp6f/authorizers/auth12',
    ]);
  });

  it('fires medium when an HTTP API authorizer is deleted', () => {
    const findings = detect(
      detector,
      apiCall('DeleteAuthorizer', { apiId: 'a1b2c3d4e5', authorizerId: 'auth12' }),
    );

    expect(findings[0]?.resources).toEqual([
      'arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5/authorizers/auth12',
    ]);
  });

  it('groups changes to many methods of one API under one dedup key', () => {
    const first = detect(detector, updateMethod([noAuth], 'GET'))[0]?.dedupKey;
    const second = detect(detector, updateMethod([noAuth], 'DELETE'))[0]?.dedupKey;

    expect(first).toBeDefined();
    expect(first).toBe(second);
  });

  it('ignores an UpdateMethod that changes something else', () => {
    const event = updateMethod([
      { op: 'replace', path: '/apiKeyRequired', value: 'true' },
      { op: 'replace', path: '/requestValidatorId', value: 'v1' },
    ]);

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores a method switched to another authorizer type', () => {
    const event = updateMethod([
      { op: 'replace', path: '/authorizationType', value: 'COGNITO_USER_POOLS' },
    ]);

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores an OPTIONS method opened for CORS preflight', () => {
    expect(detect(detector, updateMethod([noAuth], 'OPTIONS'))).toEqual([]);
  });

  it('ignores an OPTIONS route opened for CORS preflight', () => {
    const event = updateRoute({ authorizationType: 'NONE', routeKey: 'OPTIONS /{proxy+}' });

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores a route updated to JWT auth', () => {
    expect(detect(detector, updateRoute({ authorizationType: 'JWT' }))).toEqual([]);
  });

  it('ignores CreateAuthorizer', () => {
    const event = apiCall('CreateAuthorizer', {
      restApiId: '3c8y72vp6f',
      createAuthorizerInput: { name: 'jwt', type: 'TOKEN' },
    });

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores PutMethod creating a public method', () => {
    const event = apiCall('PutMethod', {
      restApiId: '3c8y72vp6f',
      resourceId: 'x4jk7w',
      httpMethod: 'GET',
      putMethodInput: { authorizationType: 'NONE', apiKeyRequired: false },
    });

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    const event = failed(updateMethod([noAuth]), 'NotFoundException', 'Invalid Method identifier');

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores the same event name from another event source', () => {
    const event = { ...updateMethod([noAuth]), eventSource: 'other.amazonaws.com' };

    expect(detect(detector, event)).toEqual([]);
  });

  it('ignores null request parameters and odd patch values on updates', () => {
    expect(detect(detector, apiCall('UpdateMethod', null))).toEqual([]);
    expect(detect(detector, apiCall('UpdateRoute', null))).toEqual([]);
    expect(detect(detector, updateMethod(['x', null, { op: 1, path: [], value: {} }]))).toEqual([]);
  });
});
