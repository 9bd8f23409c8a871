import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** What each call turns on, read from its request. */
const TURNS_ON: ReadonlyMap<string, { readonly field: string; readonly what: string }> = new Map([
  ['UpdateAccountSendingEnabled', { field: 'enabled', what: 'turned SES sending back on' }],
  ['PutAccountSendingAttributes', { field: 'sendingEnabled', what: 'turned SES sending back on' }],
  [
    'PutAccountDetails',
    {
      field: 'productionAccessEnabled',
      what: 'asked for SES production access (out of the sandbox)',
    },
  ],
]);

/** The field the call set to true, if it did. */
function turnedOn(event: CloudTrailEvent): string | undefined {
  const call = TURNS_ON.get(baseEventName(event.eventName));
  return call && isTrue(getPath(event.requestParameters, call.field)) ? call.what : undefined;
}

/** Email sending was switched on, or production access requested, for the account. */
export const sesSendingEnabled: Detector = {
  id: 'ses-sending-enabled',
  title: 'SES sending enabled or production access requested',
  severity: 'medium',
  description:
    'UpdateAccountSendingEnabled or PutAccountSendingAttributes turned email sending on for ' +
    'the account in a region, or PutAccountDetails asked AWS to move it out of the SES ' +
    'sandbox. Stolen keys are sold for SES: spammers and phishers resume sending that AWS ' +
    'paused for bounces, or request production access so they can mail anyone from a trusted ' +
    'AWS address. Turning sending off does not alert. Calls through CloudFormation or another ' +
    'AWS service are ignored. Benign causes: a new application that sends email, re-enabling ' +
    'sending after a reputation review.',
  attack: ['T1496', 'T1566'],
  references: [
    'https://docs.aws.amazon.com/ses/latest/APIReference/API_UpdateAccountSendingEnabled.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutAccountDetails.html',
    'https://docs.aws.amazon.com/ses/latest/dg/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ses.amazonaws.com', eventNames: [...TURNS_ON.keys()] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const what = turnedOn(event);
    if (!what) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} ${what} in ${region}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${region}`,
      resources: [region],
    };
  },
};
