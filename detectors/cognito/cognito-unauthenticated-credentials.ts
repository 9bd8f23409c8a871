import { asString, getPath } from '../helpers/fields.js';
import { accountOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** User agents are attacker-sized strings; the markers sit at their start. */
const MAX_UA_CHARS = 1024;

/**
 * Clients that legitimately fetch guest credentials: web pages (browsers send
 * `Mozilla/…`), the AWS SDK for JavaScript running in a browser or React Native
 * (`md/browser`, `md/rn`), Amplify, and the mobile SDKs.
 */
const APP_CLIENT =
  /mozilla\/|aws-amplify|amplify-|aws-sdk-ios|aws-sdk-android|md\/browser|md\/rn\b/i;

/** True when the request carries no login token: the identity is unauthenticated (a guest). */
function isUnauthenticated(event: CloudTrailEvent): boolean {
  const logins = getPath(event.requestParameters, 'logins');
  if (logins === undefined || logins === null) return true;
  return typeof logins === 'object' && !Array.isArray(logins) && Object.keys(logins).length === 0;
}

/** The identity pool: named in GetId's request, in `resources` otherwise, else the region of the identity id. */
function poolOf(event: CloudTrailEvent): string {
  const named = asString(getPath(event.requestParameters, 'identityPoolId'))?.trim();
  if (named) return named;
  for (const resource of event.resources ?? []) {
    const arn = resource?.ARN;
    const slash = typeof arn === 'string' ? arn.indexOf(':identitypool/') : -1;
    if (slash >= 0 && typeof arn === 'string') return arn.slice(slash + ':identitypool/'.length);
  }
  const identity = asString(getPath(event.requestParameters, 'identityId')) ?? '';
  const region = identity.split(':')[0];
  return region ? `an identity pool in ${region}` : 'an unknown identity pool';
}

function clientOf(event: CloudTrailEvent): string {
  const ua = typeof event.userAgent === 'string' ? event.userAgent.slice(0, MAX_UA_CHARS) : '';
  const first = ua.trim().split(/\s/)[0] ?? '';
  return first === '' ? 'no user agent' : first.slice(0, 64);
}

/** Guest credentials of a Cognito identity pool fetched by a script or command-line tool. */
export const cognitoUnauthenticatedCredentials: Detector = {
  id: 'cognito-unauthenticated-credentials',
  title: 'Cognito guest credentials fetched outside an app',
  severity: 'medium',
  description:
    'A Cognito identity pool handed an unauthenticated (guest) identity or its AWS credentials ' +
    '(GetId, GetCredentialsForIdentity or GetOpenIdToken without any login token) to a client ' +
    'that is not a browser, Amplify or a mobile SDK: the AWS CLI, boto3, curl, a script. The ' +
    'identity pool id sits in every web or mobile app that uses the pool, so anyone can take ' +
    'it and ask for the guest role’s credentials; attackers do exactly this to see what the ' +
    'role can reach (often far more than the app needs). These calls are CloudTrail data ' +
    'events: they are only logged where the trail records Cognito identity-pool data events. ' +
    'Guest access from the app itself is ignored. Benign causes: developers testing the pool ' +
    'from the CLI, server-side jobs that use guest credentials.',
  attack: ['T1078.004', 'T1528'],
  references: [
    'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html',
    'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html',
    'https://docs.aws.amazon.com/cognito/latest/developerguide/understanding-amazon-cognito-entries.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 86400,
  listensTo: [
    {
      eventSource: 'cognito-identity.amazonaws.com',
      eventNames: ['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken'],
    },
  ],
  match(event) {
    if (!succeeded(event) || !isUnauthenticated(event)) return undefined;
    if (event.userIdentity?.invokedBy) return undefined;
    const ua = typeof event.userAgent === 'string' ? event.userAgent.slice(0, MAX_UA_CHARS) : '';
    if (APP_CLIENT.test(ua)) return undefined;
    const pool = poolOf(event);
    const client = clientOf(event);
    const what = event.eventName === 'GetId' ? 'a guest identity' : 'guest credentials';
    return {
      summary: `${event.sourceIPAddress ?? 'An unknown address'} got ${what} (${event.eventName}) from ${pool} with ${client}`,
      // Not keyed on the client: user agents are the caller's to vary.
      dedupKey: `${accountOf(event)}|${pool}|unauthenticated`,
      resources: [pool],
    };
  },
};
