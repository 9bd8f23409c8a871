import { actorOf } from '../helpers/actor.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A principal mapped the organisation for the first time. */
export const organizationsDiscoveryFirstSeen: Detector = {
  id: 'organizations-discovery-first-seen',
  title: 'First AWS Organizations discovery by a principal',
  severity: 'low',
  description:
    'A principal called ListAccounts, DescribeOrganization, ListRoots or ' +
    'ListOrganizationalUnitsForParent for the first time in 90 days (after a 7-day learning ' +
    'period; the four calls share one key, so a first look alerts once). Attackers list the ' +
    'accounts and structure of the organisation to pick targets for lateral movement. AWS ' +
    'services calling for themselves are ignored. Benign causes: a new engineer, a newly ' +
    'deployed governance or cost tool, the Organizations console opened by someone new.',
  attack: ['T1087.004', 'T1580'],
  references: [
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_cloudtrail-integration.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [
    {
      eventSource: 'organizations.amazonaws.com',
      eventNames: [
        'ListAccounts',
        'DescribeOrganization',
        'ListOrganizationalUnitsForParent',
        'ListRoots',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const id = event.userIdentity;
    if (id?.type === 'AWSService' || id?.invokedBy) return undefined;
    const actor = `${accountOf(event)}|${actorOf(event)}`;
    return {
      summary: `${principalOf(event)} explored the organisation (${event.eventName}) for the first time`,
      dedupKey: actor,
      firstSeenKey: `${actor}|organizations-discovery`,
    };
  },
};
