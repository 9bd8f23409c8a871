import { actorOf } from '../helpers/actor.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { ipPrefix } from '../helpers/ip-address.js';
import type { Detector } from '../types.js';

/** A console sign-in succeeded from a network this principal has not signed in from before. */
export const consoleLoginNewSource: Detector = {
  id: 'console-login-new-source',
  title: 'Console sign-in from a new network for the principal',
  severity: 'low',
  description:
    'A principal signed in to the console successfully from a network (the /24 of an IPv4 ' +
    'address, the /48 of an IPv6 one) it had not used in the last 90 days, after a 7-day ' +
    'learning period. A stolen password or a phished session shows up as a sign-in from ' +
    'somewhere new; the network prefix rather than the address keeps home and office ' +
    'connections whose last octet changes from alerting. IAM Identity Center users are told ' +
    'apart by their session name; other roles by role. Benign causes: travel, a new ' +
    'internet provider or mobile network, VPN exit changes.',
  attack: ['T1078.004'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'signin.amazonaws.com', eventNames: ['ConsoleLogin'] }],
  match(event) {
    if (asString(getPath(event.responseElements, 'ConsoleLogin')) !== 'Success') return undefined;
    if (event.errorCode || event.errorMessage) return undefined;
    const network = ipPrefix(event.sourceIPAddress);
    if (!network) return undefined;
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} signed in to the console from new network ${network} (${event.sourceIPAddress})`,
      dedupKey: `${actor}|${network}`,
      firstSeenKey: `${actor}|${network}`,
    };
  },
};
