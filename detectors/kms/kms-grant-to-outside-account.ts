import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { principalForDedup, principalOf } from '../helpers/identity.js';
import { outsideKmsGrant } from '../helpers/kms-grant.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A KMS grant lets a principal of an untrusted account use, or retire a grant on, our key. */
export const kmsGrantToOutsideAccount: Detector = {
  id: 'kms-grant-to-outside-account',
  title: 'KMS grant given to another account',
  severity: 'high',
  description:
    'CreateGrant named a grantee principal, or a retiring principal, in an account that is ' +
    'neither the key owner nor in trustedAccounts. A grant bypasses the key policy: it never ' +
    'shows in GetKeyPolicy and lasts until retired or revoked, so it is a quiet way to let ' +
    'another account decrypt data copied out (snapshots, backups, objects). High when the ' +
    'grantee may Decrypt, ReEncrypt, Sign, GenerateMac, DeriveSharedSecret or CreateGrant ' +
    '(pass the key on); medium for other operations (Encrypt, GenerateDataKey...) and for an ' +
    'outside retiring principal only. Grants AWS services create on their own or on a ' +
    "caller's behalf (invokedBy: EBS, RDS, Backup...) are routine and not flagged. Benign " +
    'causes: cross-account backup or analytics with accounts missing from trustedAccounts.',
  attack: ['T1098', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/grants.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/ct-creategrant.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'kms.amazonaws.com', eventNames: ['CreateGrant'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    if (calledThroughAwsService(event)) return undefined;
    const grant = outsideKmsGrant(event, ctx.settings);
    if (!grant) return undefined;
    const what =
      grant.role === 'grantee'
        ? `use of KMS key ${grant.key} (${grant.operations.join(', ') || 'operations unreadable'})`
        : `the right to retire a grant on KMS key ${grant.key}`;
    return {
      summary: `${principalOf(event)} gave account ${grant.account} ${what}`,
      severity: grant.severity,
      dedupKey: `${grant.owner}|${principalForDedup(event)}|kms-grant|${grant.key}|${grant.account}`,
      resources: [grant.key],
    };
  },
};
