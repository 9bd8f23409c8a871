import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An opt-in region was enabled: somewhere new to run resources, often unwatched. */
export const regionEnabled: Detector = {
  id: 'region-enabled',
  title: 'Opt-in region enabled',
  severity: 'medium',
  description:
    'EnableRegion (AWS Account Management) turned on an opt-in region for an account. ' +
    'Attackers enable regions nobody watches to run miners or hide infrastructure, since ' +
    'alarms, Config rules and GuardDuty detectors are usually set up region by region. With ' +
    'AWS Organizations the request names the member account it acts on. Benign causes: ' +
    'expanding into a new region, a landing-zone pipeline enabling regions for new accounts.',
  attack: ['T1535'],
  references: [
    'https://docs.aws.amazon.com/accounts/latest/reference/API_EnableRegion.html',
    'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'account.amazonaws.com', eventNames: ['EnableRegion'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const region = asString(getPath(event.requestParameters, 'regionName')) ?? 'an unnamed region';
    const account = asString(getPath(event.requestParameters, 'accountId')) ?? accountOf(event);
    return {
      summary: `${principalOf(event)} enabled region ${region} for account ${account}`,
      dedupKey: `${account}|${region}`,
      resources: [`${account}:${region}`],
    };
  },
};
