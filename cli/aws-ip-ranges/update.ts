import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AwsIpRanges } from '../../detectors/helpers/aws-ip-ranges.js';
import { AWS_IP_RANGES_URL, parseAwsIpRanges } from '../../detectors/helpers/aws-ip-ranges-file.js';
import { downloadAwsIpRanges } from './download.js';
import { readAwsIpRangesText } from './file.js';

export interface UpdateOptions {
  /** Where the file goes (see `cachedAwsIpRangesFile`). */
  readonly cacheFile: string;
  /** Import this file instead of downloading (a copy fetched where the network allows). */
  readonly from?: string;
  /** Download from here instead of AWS (tests). */
  readonly url?: string;
}

export interface UpdateResult {
  readonly file: string;
  readonly source: string;
  readonly ranges: AwsIpRanges;
}

/**
 * Downloads (or reads `from`) AWS's ip-ranges.json, checks it builds, and
 * replaces the cached copy with it, byte for byte, so `syncToken` and
 * `createDate` stay as AWS wrote them. The old copy stays until the new one is
 * complete: a failed update never leaves a broken cache.
 * @throws AwsIpRangesDownloadError, AwsIpRangesFormatError, UsageError (an unreadable `from`),
 *   or the file system's error writing the cache.
 */
export async function updateAwsIpRanges(options: UpdateOptions): Promise<UpdateResult> {
  const source = options.from ?? options.url ?? AWS_IP_RANGES_URL;
  const text =
    options.from === undefined
      ? await downloadAwsIpRanges({ url: source })
      : await readAwsIpRangesText(options.from);
  const ranges = parseAwsIpRanges(text, source);
  const file = options.cacheFile;
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, text, 'utf8');
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, source, ranges };
}
