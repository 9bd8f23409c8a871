import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsIpRanges } from '../../detectors/helpers/aws-ip-ranges.js';
import {
  AwsIpRangesFormatError,
  MAX_AWS_IP_RANGES_CHARS,
  parseAwsIpRanges,
} from '../../detectors/helpers/aws-ip-ranges-file.js';
import { trailwatchCacheDir } from '../cache-dir.js';
import { UsageError } from '../io.js';

/** Where `trailwatch ip-ranges update` keeps the file and `trailwatch scan` looks for it. */
export function cachedAwsIpRangesFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(trailwatchCacheDir(env), 'ip-ranges.json');
}

/**
 * The text of an ip-ranges.json file, unparsed.
 * @throws UsageError naming the file and the reason (missing, unreadable, too large).
 */
export async function readAwsIpRangesText(path: string): Promise<string> {
  try {
    // A wrong path to a huge file is refused before it is read whole.
    if ((await stat(path)).size > MAX_AWS_IP_RANGES_CHARS * 4) {
      throw new UsageError(`${path}: too large for AWS's ip-ranges.json`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${path}: cannot read AWS IP ranges (${code})`, { cause: error });
  }
}

/**
 * Reads and builds an ip-ranges.json file.
 * @throws UsageError naming the file and the reason (missing, too large, not the AWS format).
 */
export async function readAwsIpRangesFile(path: string): Promise<AwsIpRanges> {
  const text = await readAwsIpRangesText(path);
  try {
    return parseAwsIpRanges(text, path);
  } catch (error) {
    if (error instanceof AwsIpRangesFormatError) {
      throw new UsageError(error.message, { cause: error });
    }
    throw error;
  }
}
