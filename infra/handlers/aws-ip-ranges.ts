import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AwsIpRanges } from '../../detectors/helpers/aws-ip-ranges.js';
import {
  MAX_AWS_IP_RANGES_CHARS,
  parseAwsIpRanges,
} from '../../detectors/helpers/aws-ip-ranges-file.js';
import { HandlerConfigError } from './errors.js';

/** The environment variable naming an ip-ranges.json; it wins over the config's `awsIpRangesFile`. */
export const AWS_IP_RANGES_FILE_VARIABLE = 'TRAILWATCH_AWS_IP_RANGES_FILE';

/**
 * AWS's ip-ranges.json, read at cold start (a file bundled with the function or in
 * a layer, e.g. `/opt/ip-ranges.json`) and built once for the container's life. A
 * function never downloads it: it may have no internet route, and a cold start
 * must not depend on one.
 *
 * The variable is meant for the function alone, so a file it names must load. The
 * config's `awsIpRangesFile` is shared with laptops, where it names a local copy:
 * when that path does not exist in the function, the function runs without the
 * ranges and says so in `warnings` (instance-credentials-outside-aws stays quiet).
 * @throws HandlerConfigError naming the variable or key, the file and the reason.
 */
export function handlerAwsIpRanges(
  env: NodeJS.ProcessEnv,
  configFile: string | undefined,
  warnings: string[],
): AwsIpRanges | undefined {
  const fromEnv = env[AWS_IP_RANGES_FILE_VARIABLE];
  if (fromEnv) return readRanges(fromEnv, AWS_IP_RANGES_FILE_VARIABLE);
  if (!configFile) return undefined;
  if (!existsSync(configFile)) {
    warnings.push(
      `the config's awsIpRangesFile names ${configFile}, which this function does not have: running without AWS IP ranges (set ${AWS_IP_RANGES_FILE_VARIABLE} to a bundled copy)`,
    );
    return undefined;
  }
  return readRanges(configFile, "the config's awsIpRangesFile");
}

function readRanges(path: string, named: string): AwsIpRanges {
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
