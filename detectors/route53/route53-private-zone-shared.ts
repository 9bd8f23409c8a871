import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector } from '../types.js';

/** A private hosted zone was opened to, or joined by, a VPC of another account. */
export const route53PrivateZoneShared: Detector = {
  id: 'route53-private-zone-shared',
  title: "Route 53 private hosted zone associated with another account's VPC",
  severity: 'medium',
  description:
    'CreateVPCAssociationAuthorization authorised a VPC to be associated with a private hosted ' +
    'zone (the call exists only for VPCs of another account), or AssociateVPCWithHostedZone was ' +
    'recorded here for a caller of another account that is not trusted. The other account then ' +
    'resolves every internal name of the zone, a map of the private network; a zone of ours ' +
    'answering in a VPC of theirs can also redirect their traffic. The record names the VPC ' +
    'but not its owner, so trusted accounts cannot be told apart for authorisations. Benign ' +
    'causes: shared-services and hub-and-spoke DNS designs across organisation accounts.',
  attack: ['T1199', 'T1580'],
  references: [
    'https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateVPCAssociationAuthorization.html',
    'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'route53.amazonaws.com',
      eventNames: ['CreateVPCAssociationAuthorization', 'AssociateVPCWithHostedZone'],
    },
  ],
  match(event, ctx) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || isVpceEvent(event)) return undefined;
    const here = accountOf(event);
    const caller = event.userIdentity?.accountId ?? undefined;
    const authorisation = baseEventName(event.eventName) === 'CreateVPCAssociationAuthorization';
    if (!authorisation && (!caller || isTrustedAccount(caller, here, ctx.settings)))
      return undefined;
    const zone = requestField(event, 'hostedZoneId') ?? 'an unnamed hosted zone';
    const vpc = asString(getPath(event.requestParameters, 'vPC', 'vPCId')) ?? 'an unnamed VPC';
    const region = asString(getPath(event.requestParameters, 'vPC', 'vPCRegion'));
    const where = region ? ` in ${region}` : '';
    const summary = authorisation
      ? `${principalOf(event)} authorised ${vpc}${where} of another account to use private hosted zone ${zone}`
      : `${principalOf(event)} of account ${caller} associated ${vpc}${where} with private hosted zone ${zone}`;
    return {
      summary,
      dedupKey: `${here}|${principalForDedup(event)}|${zone}`,
      resources: [zone, vpc],
    };
  },
};
