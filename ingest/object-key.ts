import type { SkipReason } from './types.js';

/** Why a key is passed over without reading it. */
export interface KeySkip {
  readonly reason: SkipReason;
  readonly detail: string;
}

/**
 * Classifies an object by its name alone, before any byte is read: CloudTrail's
 * bucket also holds digest files (`AWSLogs/<acct>/CloudTrail-Digest/...`, no
 * `Records`: they crashed several well-known forwarders), Insights files and
 * zero-byte folder markers. Anchored on whole path segments (and CloudTrail's file
 * name infixes) so organization-trail and custom-prefix layouts classify the same way.
 * Works on local paths (either separator) and on `s3://bucket/key` names.
 */
export function classifyKey(name: string): KeySkip | undefined {
  if (name.endsWith('/')) return { reason: 'directory-marker', detail: 'key ends with /' };
  const key = name.startsWith('s3://') ? name.slice(name.indexOf('/', 5) + 1) : name;
  const segments = key.split(/[/\\]/);
  const file = segments[segments.length - 1] ?? '';
  if (segments.includes('CloudTrail-Digest') || file.includes('_CloudTrail-Digest_')) {
    return { reason: 'cloudtrail-digest', detail: 'CloudTrail digest file (integrity validation)' };
  }
  if (segments.includes('CloudTrail-Insight') || file.includes('_CloudTrail-Insight_')) {
    return { reason: 'cloudtrail-insight', detail: 'CloudTrail Insights file' };
  }
  return undefined;
}

/** Whether the name claims gzip content. */
export function hasGzipName(name: string): boolean {
  return /\.gz$/i.test(name);
}
