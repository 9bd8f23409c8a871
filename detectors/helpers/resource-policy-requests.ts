import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';

/** The policy a resource-policy call sets, and the resource it sets it on. */
export interface PolicyChange {
  /** Queue URL, topic ARN, repository, vault or domain name. */
  readonly resource: string;
  /** The policy as logged: usually a JSON string, sometimes already parsed. */
  readonly policy: unknown;
  readonly service: string;
}

function text(value: unknown): string | undefined {
  const s = asString(value)?.trim();
  return s ? s : undefined;
}

function request(event: CloudTrailEvent, ...path: string[]): unknown {
  return getPath(event.requestParameters, ...path);
}

type Reader = (event: CloudTrailEvent) => PolicyChange | undefined;

function change(service: string, resource: string | undefined, policy: unknown) {
  if (policy === undefined || policy === null || policy === '') return undefined;
  return { service, resource: resource ?? 'unknown resource', policy };
}

const sqs: Reader = (e) =>
  change(
    'SQS queue',
    text(request(e, 'queueUrl')) ??
      text(getPath(e.responseElements, 'queueUrl')) ??
      text(request(e, 'queueName')),
    request(e, 'attributes', 'Policy'),
  );

const snsCreate: Reader = (e) =>
  change(
    'SNS topic',
    text(getPath(e.responseElements, 'topicArn')) ?? text(request(e, 'name')),
    request(e, 'attributes', 'Policy'),
  );

const snsSet: Reader = (e) =>
  text(request(e, 'attributeName'))?.toLowerCase() === 'policy'
    ? change('SNS topic', text(request(e, 'topicArn')), request(e, 'attributeValue'))
    : undefined;

const ecr: Reader = (e) =>
  change('ECR repository', text(request(e, 'repositoryName')), request(e, 'policyText'));

/** Glacier's body is `{"policy": "<JSON string>"}`; accept the bare string too. */
const glacier: Reader = (e) => {
  const body = request(e, 'policy');
  const policy = typeof body === 'string' ? body : getPath(body, 'policy');
  return change('Glacier vault', text(request(e, 'vaultName')), policy);
};

const opensearch: Reader = (e) =>
  change('OpenSearch domain', text(request(e, 'domainName')), request(e, 'accessPolicies'));

/** Event source → event name → how to read the change. */
const READERS: ReadonlyMap<string, ReadonlyMap<string, Reader>> = new Map([
  [
    'sqs.amazonaws.com',
    new Map([
      ['SetQueueAttributes', sqs],
      ['CreateQueue', sqs],
    ]),
  ],
  [
    'sns.amazonaws.com',
    new Map([
      ['SetTopicAttributes', snsSet],
      ['CreateTopic', snsCreate],
    ]),
  ],
  ['ecr.amazonaws.com', new Map([['SetRepositoryPolicy', ecr]])],
  ['glacier.amazonaws.com', new Map([['SetVaultAccessPolicy', glacier]])],
  [
    'es.amazonaws.com',
    new Map([
      ['CreateDomain', opensearch],
      ['UpdateDomainConfig', opensearch],
      ['CreateElasticsearchDomain', opensearch],
      ['UpdateElasticsearchDomainConfig', opensearch],
    ]),
  ],
]);

/** The event names each source is read for, for a detector's `listensTo`. */
export const POLICY_CHANGE_EVENTS: readonly { eventSource: string; eventNames: string[] }[] = [
  ...READERS,
].map(([eventSource, names]) => ({ eventSource, eventNames: [...names.keys()] }));

/** The policy a call sets, or undefined when the call sets none (other attributes, no policy). */
export function policyChangeOf(event: CloudTrailEvent): PolicyChange | undefined {
  return READERS.get(event.eventSource)?.get(event.eventName)?.(event);
}
