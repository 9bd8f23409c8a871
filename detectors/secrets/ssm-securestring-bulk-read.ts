import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asArray, asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/**
 * One spelling per parameter: ARN prefix, leading slash and `:version` or
 * `:label` selector dropped (parameter names cannot contain `:`).
 */
function parameterKey(name: string): string {
  const bare = name.trim().replace(/^arn:[^:]+:ssm:[^:]*:\d*:parameter/, '');
  return bare.replace(/^\/+/, '').replace(/:[^/]*$/, '');
}

/**
 * What one call decrypted: every parameter a GetParameters call names counts on
 * its own; a GetParametersByPath call counts as its path (the record does not
 * list what the path returned).
 */
function readOf(event: CloudTrailEvent): string[] {
  const request = event.requestParameters;
  switch (event.eventName) {
    case 'GetParameter': {
      const name = asString(getPath(request, 'name'));
      return name?.trim() ? [parameterKey(name)] : [];
    }
    case 'GetParameters': {
      const names = asArray(getPath(request, 'names'))
        .map(asString)
        .filter((n): n is string => n !== undefined && n.trim() !== '')
        .map(parameterKey);
      return [...new Set(names)].sort();
    }
    case 'GetParametersByPath': {
      const path = asString(getPath(request, 'path'))?.trim();
      if (!path) return [];
      const base = parameterKey(path);
      const recursive = isTrue(getPath(request, 'recursive'));
      if (!base) return [recursive ? 'path:/**' : 'path:/'];
      return [`path:${base}${recursive ? '/**' : ''}`];
    }
    default:
      return [];
  }
}

/** Long-term credentials mean a person or a leaked key; workloads read parameters through roles. */
function severityOf(event: CloudTrailEvent): Severity {
  const type = event.userIdentity?.type;
  return type === 'IAMUser' || type === 'Root' ? 'high' : 'medium';
}

/** One principal decrypting many different SecureString parameters within an hour. */
export const ssmSecurestringBulkRead: Detector = {
  id: 'ssm-securestring-bulk-read',
  title: 'Many SSM SecureString parameters decrypted by one principal',
  severity: 'medium',
  description:
    'One principal made GetParameter, GetParameters or GetParametersByPath calls with ' +
    'withDecryption true for at least 25 different parameters (or parameter sets and paths) ' +
    'within an hour. Parameter Store often holds database passwords and API keys; reading ' +
    'them wholesale is credential harvesting. Each parameter a GetParameters call names counts; ' +
    'a GetParametersByPath call counts once (its path), because the record does not list what ' +
    'it returned. High when the caller uses long-term IAM user or root ' +
    'credentials. Reads made by AWS services on a principal’s behalf (CloudFormation) are ' +
    'ignored. Benign causes: configuration loaders reading many parameters at start-up, ' +
    'secret-sync tools, backups of Parameter Store.',
  attack: ['T1552', 'T1555'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html',
  ],
  runbook: 'secrets-access',
  dedupWindowSeconds: 3600,
  threshold: { count: 25, windowSeconds: 3600, distinct: true },
  listensTo: [
    {
      eventSource: 'ssm.amazonaws.com',
      eventNames: ['GetParameter', 'GetParameters', 'GetParametersByPath'],
    },
  ],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    if (!isTrue(getPath(event.requestParameters, 'withDecryption'))) return undefined;
    const read = readOf(event);
    if (read.length === 0) return undefined;
    return {
      summary: `${principalOf(event)} decrypted SSM parameter(s) ${read.slice(0, 5).join(', ')}${read.length > 5 ? ` (+${read.length - 5})` : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ssm-decrypt`,
      distinctValues: read,
      severity: severityOf(event),
    };
  },
};
