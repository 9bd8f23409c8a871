import type { CloudTrailEvent } from '../types.js';
import { asArray, asString, findAll, getPath } from './fields.js';

/** Which API Gateway API family a call targets: REST (v1) or HTTP/WebSocket (v2). */
export interface ApiRef {
  readonly kind: 'rest' | 'v2';
  readonly id: string;
}

function requestString(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key));
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** REST APIs are addressed by `restApiId`, HTTP and WebSocket APIs by `apiId`. */
export function apiRefOf(event: CloudTrailEvent): ApiRef | undefined {
  const rest = requestString(event, 'restApiId');
  if (rest) return { kind: 'rest', id: rest };
  const v2 = requestString(event, 'apiId');
  return v2 ? { kind: 'v2', id: v2 } : undefined;
}

/**
 * An API Gateway resource ARN (`arn:aws:apigateway:<region>::/restapis/<id>/...`),
 * the form IAM policies and AWS Config use.
 */
export function apiGatewayArn(event: CloudTrailEvent, api: ApiRef, ...path: string[]): string {
  const collection = api.kind === 'rest' ? 'restapis' : 'apis';
  const region = event.awsRegion ?? '';
  const partition = region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  return [`arn:${partition}:apigateway:${region}::/${collection}/${api.id}`, ...path].join('/');
}

/**
 * JSON Patch operations a REST API update carries. API Gateway logs the body of
 * REST calls wrapped in a per-action object (`putMethodInput`...), so they are
 * looked for at any depth rather than at one path.
 */
export function patchOperations(event: CloudTrailEvent): unknown[] {
  return findAll(event.requestParameters, 'patchOperations', 4).flatMap((ops) => asArray(ops));
}

/** True when a patch sets `path` to `value` (both compared without regard to case). */
export function patchSets(ops: readonly unknown[], path: string, value: string): boolean {
  return ops.some((op) => {
    const verb = asString(getPath(op, 'op'))?.toLowerCase();
    return (
      (verb === 'replace' || verb === 'add') &&
      asString(getPath(op, 'path'))?.toLowerCase() === path.toLowerCase() &&
      asString(getPath(op, 'value'))?.trim().toLowerCase() === value.toLowerCase()
    );
  });
}
