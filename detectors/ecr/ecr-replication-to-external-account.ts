import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import type { Detector } from '../types.js';

/** ECR accepts at most 10 rules of 25 destinations; more is not a real request. */
const MAX_ITEMS = 64;

/** The registry ids a replication configuration sends images to. */
function destinationRegistries(configuration: unknown): string[] {
  const out: string[] = [];
  for (const rule of asArray(getPath(configuration, 'rules')).slice(0, MAX_ITEMS)) {
    for (const destination of asArray(getPath(rule, 'destinations')).slice(0, MAX_ITEMS)) {
      const registry = asString(getPath(destination, 'registryId'))?.trim();
      if (registry) out.push(registry);
    }
  }
  return out;
}

/** Private registry images now replicate to an account outside the organisation. */
export const ecrReplicationToExternalAccount: Detector = {
  id: 'ecr-replication-to-external-account',
  title: 'ECR images replicated to an outside account',
  severity: 'high',
  description:
    'PutReplicationConfiguration set cross-account replication of the private registry to a ' +
    'registry id (account) that is neither this account nor in trustedAccounts. Every image ' +
    'pushed from then on is copied to the other registry, with the code, configuration and ' +
    'secrets baked into it: quiet, continuous exfiltration. Calls through CloudFormation or ' +
    'another AWS service are ignored. Benign causes: replicating to partner or organisation ' +
    'accounts missing from trustedAccounts.',
  attack: ['T1537'],
  references: [
    'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutReplicationConfiguration.html',
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/replication.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ecr.amazonaws.com', eventNames: ['PutReplicationConfiguration'] }],
  match(event, ctx) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const own = accountOf(event);
    const outside = [
      ...new Set(
        destinationRegistries(getPath(event.requestParameters, 'replicationConfiguration')).filter(
          (r) => !isTrustedAccount(r, own, ctx.settings),
        ),
      ),
    ];
    if (outside.length === 0) return undefined;
    return {
      summary: `${principalOf(event)} set ECR images of account ${own} to replicate to registry ${outside.slice(0, 5).join(', ')}`,
      dedupKey: `${own}|${principalForDedup(event)}|${outside.join(',')}`,
      resources: outside.slice(0, 10),
    };
  },
};
