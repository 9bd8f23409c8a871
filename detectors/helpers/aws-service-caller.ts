import type { CloudTrailEvent } from '../types.js';

/**
 * True when an AWS service made the call itself (`AWSService` identity) or on the
 * caller's behalf (`userIdentity.invokedBy`, e.g. CloudFormation resolving a
 * `{{resolve:secretsmanager:...}}` reference). Such reads follow a deployment,
 * not a person. The console sign-in service is not one: root's console actions
 * carry `invokedBy: signin.amazonaws.com` and are a person at the keyboard.
 */
export function calledThroughAwsService(event: CloudTrailEvent): boolean {
  const id = event.userIdentity;
  if (id?.type === 'AWSService') return true;
  const by = id?.invokedBy;
  return typeof by === 'string' && by !== '' && by !== 'signin.amazonaws.com';
}
