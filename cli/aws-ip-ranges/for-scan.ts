import { access } from 'node:fs/promises';
import type { AwsIpRanges } from '../../detectors/helpers/aws-ip-ranges.js';
import { publishedAt } from '../../detectors/helpers/aws-ip-ranges-file.js';
import { cachedAwsIpRangesFile, readAwsIpRangesFile } from './file.js';

/** The ranges a scan runs with, and where they came from. */
export interface ScanAwsIpRanges {
  readonly ranges: AwsIpRanges;
  readonly file: string;
  readonly origin: '--aws-ip-ranges' | 'config' | 'cache';
}

/**
 * Which ip-ranges.json a scan uses: `--aws-ip-ranges`, else the config's
 * `awsIpRangesFile`, else the copy `trailwatch ip-ranges update` cached, if any.
 * A file named by the flag or the config must load (UsageError otherwise); the
 * cache is optional, and nothing loaded means the detectors that need the ranges
 * stay quiet.
 */
export async function awsIpRangesForScan(
  flag: string | undefined,
  configFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScanAwsIpRanges | undefined> {
  if (flag !== undefined) {
    return { ranges: await readAwsIpRangesFile(flag), file: flag, origin: '--aws-ip-ranges' };
  }
  if (configFile !== undefined) {
    return { ranges: await readAwsIpRangesFile(configFile), file: configFile, origin: 'config' };
  }
  const cached = cachedAwsIpRangesFile(env);
  try {
    await access(cached);
  } catch {
    return undefined;
  }
  return { ranges: await readAwsIpRangesFile(cached), file: cached, origin: 'cache' };
}

/** The summary line saying which ranges the scan used. */
export function awsIpRangesLine(loaded: ScanAwsIpRanges | undefined): string {
  if (!loaded) return '';
  const { version } = loaded.ranges;
  return `AWS ranges from ${publishedAt(version.createDate)} (${loaded.origin}: ${loaded.file})\n`;
}
