import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** An API Gateway management call by a developer role in eu-west-1. */
export const apiCall = (eventName: string, requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'apigateway.amazonaws.com',
    eventName,
    awsRegion: 'eu-west-1',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters,
  });

/** REST API updates log the URI labels beside the wrapped JSON patch body. */
export const updateMethod = (patchOperations: unknown[], httpMethod = 'POST') =>
  apiCall('UpdateMethod', {
    restApiId: '3c8y72vp6f',
    resourceId: 'x4jk7w',
    httpMethod,
    updateMethodInput: { patchOperations },
    template: false,
  });

/** The patch operation that turns a method's authorization off. */
export const noAuth = { op: 'replace', path: '/authorizationType', value: 'NONE' };

export const examples: DetectorExamples = {
  fire: [
    { name: 'REST method patched to authorizationType NONE', events: [updateMethod([noAuth])] },
    {
      name: 'HTTP API route updated to NONE',
      events: [
        apiCall('UpdateRoute', {
          apiId: 'a1b2c3d4e5',
          routeId: 'r0ute1',
          authorizationType: 'NONE',
          routeKey: 'POST /orders',
        }),
      ],
    },
    {
      name: 'REST authorizer deleted',
      events: [apiCall('DeleteAuthorizer', { restApiId: '3c8y72vp6f', authorizerId: 'auth12' })],
    },
  ],
  noFire: [
    {
      name: 'OPTIONS method opened for CORS preflight',
      events: [updateMethod([noAuth], 'OPTIONS')],
    },
    {
      name: 'method switched to a Cognito authorizer',
      events: [
        updateMethod([{ op: 'replace', path: '/authorizationType', value: 'COGNITO_USER_POOLS' }]),
      ],
    },
    {
      name: 'PutMethod creating a new public method',
      events: [
        apiCall('PutMethod', {
          restApiId: '3c8y72vp6f',
          resourceId: 'x4jk7w',
          httpMethod: 'GET',
          putMethodInput: { authorizationType: 'NONE', apiKeyRequired: false },
        }),
      ],
    },
    {
      name: 'failed update',
      events: [failed(updateMethod([noAuth]), 'NotFoundException', 'Invalid Method identifier')],
    },
  ],
};
