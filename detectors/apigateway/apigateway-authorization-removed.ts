import {
  type ApiRef,
  apiGatewayArn,
  apiRefOf,
  patchOperations,
  patchSets,
} from '../helpers/apigateway-names.js';
import { asString, findAll, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function requestString(event: CloudTrailEvent, key: string): string {
  return asString(getPath(event.requestParameters, key)) ?? 'unknown';
}

function draft(event: CloudTrailEvent, api: ApiRef, what: string, resource: string): FindingDraft {
  const family = api.kind === 'rest' ? 'REST API' : 'API';
  return {
    summary: `${principalOf(event)} ${what} on ${family} ${api.id}`,
    // One alert per actor and API, however many methods or routes they strip.
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${api.id}`,
    resources: [resource],
  };
}

/** REST API method whose patch sets authorizationType to NONE. */
function methodOpened(event: CloudTrailEvent, api: ApiRef): FindingDraft | undefined {
  const httpMethod = requestString(event, 'httpMethod').toUpperCase();
  // CORS preflight cannot carry credentials, so OPTIONS is public by design.
  if (httpMethod === 'OPTIONS') return undefined;
  if (!patchSets(patchOperations(event), '/authorizationType', 'NONE')) return undefined;
  const resourceId = requestString(event, 'resourceId');
  return draft(
    event,
    api,
    `removed authorization from ${httpMethod} on resource ${resourceId}`,
    apiGatewayArn(event, api, 'resources', resourceId, 'methods', httpMethod),
  );
}

/** HTTP/WebSocket API route updated with authorizationType NONE. */
function routeOpened(event: CloudTrailEvent, api: ApiRef): FindingDraft | undefined {
  const authType =
    asString(getPath(event.requestParameters, 'authorizationType')) ??
    findAll(event.requestParameters, 'authorizationType', 3).find((v) => typeof v === 'string');
  if (typeof authType !== 'string' || authType.trim().toUpperCase() !== 'NONE') return undefined;
  const routeKey = asString(getPath(event.requestParameters, 'routeKey'));
  if (routeKey?.trim().toUpperCase().startsWith('OPTIONS ')) return undefined;
  const routeId = requestString(event, 'routeId');
  return draft(
    event,
    api,
    `removed authorization from route ${routeKey ?? routeId}`,
    apiGatewayArn(event, api, 'routes', routeId),
  );
}

function authorizerDeleted(event: CloudTrailEvent, api: ApiRef): FindingDraft {
  const authorizerId = requestString(event, 'authorizerId');
  return {
    ...draft(
      event,
      api,
      `deleted authorizer ${authorizerId}`,
      apiGatewayArn(event, api, 'authorizers', authorizerId),
    ),
    severity: 'medium',
  };
}

/** Authentication was stripped from an API Gateway method or route, or an authorizer deleted. */
export const apigatewayAuthorizationRemoved: Detector = {
  id: 'apigateway-authorization-removed',
  title: 'API Gateway authorization removed',
  severity: 'high',
  description:
    'A REST API method was patched to authorizationType NONE (UpdateMethod), or an HTTP/WebSocket ' +
    'API route updated with authorizationType NONE (UpdateRoute): the endpoint now answers ' +
    'anyone, and its backend (Lambda, integration role) is exposed. Takes effect on REST APIs at ' +
    'the next deployment. DeleteAuthorizer is medium: API Gateway refuses to delete an authorizer ' +
    'still attached to a method or route, so the removal itself was an earlier update; the ' +
    'deletion is usually cleanup. OPTIONS methods and routes (CORS preflight) are public by ' +
    'design and ignored. Creating a method or route with NONE (PutMethod, CreateRoute) is not ' +
    'flagged: new public endpoints are routine and no protection is removed. Benign causes: a ' +
    'deliberate move to a public endpoint, infrastructure-as-code restating NONE on a route that ' +
    'was already public, API teardown.',
  attack: ['T1556'],
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateMethod.html',
    'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/cloudtrail.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'apigateway.amazonaws.com',
      eventNames: ['UpdateMethod', 'UpdateRoute', 'DeleteAuthorizer'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const api: ApiRef = apiRefOf(event) ?? {
      kind: event.eventName === 'UpdateRoute' ? 'v2' : 'rest',
      id: 'unknown',
    };
    switch (event.eventName) {
      case 'UpdateMethod':
        return methodOpened(event, api);
      case 'UpdateRoute':
        return routeOpened(event, api);
      case 'DeleteAuthorizer':
        return authorizerDeleted(event, api);
      default:
        return undefined;
    }
  },
};
