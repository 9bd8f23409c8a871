import type { Rng } from './prng.js';
import { datePath, digestStamp, fileStamp } from './time.js';

/** S3 object keys exactly as CloudTrail writes them (forward slashes, relative to the bucket). */

function prefix(orgId: string | undefined, account: string): string {
  return orgId ? `AWSLogs/${orgId}/${account}` : `AWSLogs/${account}`;
}

/**
 * `AWSLogs/[o-org/]<acct>/CloudTrail/<region>/yyyy/mm/dd/<acct>_CloudTrail_<region>_<yyyymmddThhmmZ>_<16 alnum>.json.gz`
 */
export function logFileKey(
  rng: Rng,
  orgId: string | undefined,
  account: string,
  region: string,
  deliveredAt: number,
): string {
  const name = `${account}_CloudTrail_${region}_${fileStamp(deliveredAt)}_${rng.alnum(16)}.json.gz`;
  return `${prefix(orgId, account)}/CloudTrail/${region}/${datePath(deliveredAt)}/${name}`;
}

/**
 * `AWSLogs/[o-org/]<acct>/CloudTrail-Digest/<region>/yyyy/mm/dd/<acct>_CloudTrail-Digest_<region>_<trail>_<home region>_<yyyymmddThhmmssZ>.json.gz`
 */
export function digestFileKey(
  orgId: string | undefined,
  account: string,
  region: string,
  trailName: string,
  homeRegion: string,
  endTime: number,
): string {
  const name = `${account}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_${digestStamp(endTime)}.json.gz`;
  return `${prefix(orgId, account)}/CloudTrail-Digest/${region}/${datePath(endTime)}/${name}`;
}

/** Matches a log file key; the test suite checks every generated key against it. */
export const LOG_FILE_KEY =
  /^AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail\/([a-z]{2}(?:-[a-z]+)+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_CloudTrail_\2_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$/;

/** Matches a digest file key. */
export const DIGEST_FILE_KEY =
  /^AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail-Digest\/([a-z]{2}(?:-[a-z]+)+-\d)\/\d{4}\/\d{2}\/\d{2}\/\1_CloudTrail-Digest_\2_[A-Za-z0-9._-]+_[a-z]{2}(?:-[a-z]+)+-\d_\d{8}T\d{6}Z\.json\.gz$/;
