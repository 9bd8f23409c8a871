import { readFileSync, statSync } from 'node:fs';
import type { AwsIpRanges } from '../../detectors/helpers/aws-ip-ranges.js';
import {
  MAX_AWS_IP_RANGES_CHARS,
  parseAwsIpRanges,
} from '../../detectors/helpers/aws-ip-ranges-file.js';
import { HandlerConfigError } from './errors.js';

/** The environment variable naming an ip-ranges.json; it wins over the config's `awsIpRangesFile`. */
export const AWS_IP_RANGES_FILE_VARIABLE = 'TRAILWATCH_AWS_IP_RANGES_FILE';

/**
 * Reads AWS's ip-ranges.json at cold start (a file bundled with the function or
 * in a layer, e.g. `/opt/ip-ranges.json`) and builds the lookup once for the
 * container's life. A function never downloads it: it may have no internet
 * route, and a cold start must not depend on one.
 * @param named says where the path came from, for the message.
 * @throws HandlerConfigError naming the file and the reason, so a misconfigured
 *   function fails at start instead of running without the ranges.
 */
export function readHandlerAwsIpRanges(path: string, named: string): AwsIpRanges {
  try {
    if (statSync(path).size > MAX_AWS_IP_RANGES_CHARS * 4) {
      throw new Error('too large for an ip-ranges.json');
    }
    return parseAwsIpRanges(readFileSync(path, 'utf8'), path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new HandlerConfigError(`${named} names ${path}, which cannot be used: ${reason}`, {
      cause,
    });
  }
}
