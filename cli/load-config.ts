import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../alerting/config/errors.js';
import { MAX_CONFIG_CHARS, parseConfig } from '../alerting/config/load.js';
import type { TrailwatchConfig } from '../alerting/config/types.js';
import type { DetectorMeta } from '../detectors/types.js';
import { UsageError } from './io.js';

/**
 * Reads `--config`: a YAML or JSON config file (settings, detector overrides,
 * suppressions), validated against `catalog`. Every problem is reported at once
 * with the file, line and key, as a {@link UsageError} (exit 2). No file: defaults.
 */
export async function loadConfig(
  path: string | undefined,
  catalog: readonly DetectorMeta[],
): Promise<TrailwatchConfig> {
  if (path === undefined) return parseConfig('', { source: '(defaults)', catalog });
  let text: string;
  try {
    // Refuse a wrong path to a huge file before reading it whole.
    if ((await stat(path)).size > MAX_CONFIG_CHARS * 4) {
      throw new UsageError(`${path}: too large for a config file`);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${path}: cannot read config (${(error as NodeJS.ErrnoException).code ?? error})`,
      { cause: error },
    );
  }
  try {
    return parseConfig(text, { source: path, catalog });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
