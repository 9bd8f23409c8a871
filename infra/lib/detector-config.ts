import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError as ConfigFileError, formatIssue } from '../../alerting/config/errors.js';
import { parseConfig as parseConfigFile } from '../../alerting/config/load.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import type { Detector } from '../../detectors/types.js';
import { tunableDetectors } from '../handlers/catalog.js';
import { ConfigError } from './config.js';

/**
 * Lambda allows 4 KB for all of a function's environment variables together; the topic
 * ARNs, table name and the names the stack adds to `settings` take about 1 KB of it.
 */
export const MAX_CONFIG_JSON_CHARS = 3000;

/** The operator's trailwatch config (docs/configuration.md) as the Lambdas will get it. */
export interface DetectorConfig {
  /** The file's content as plain JSON values; `{}` (the defaults) without a file. */
  readonly document: Readonly<Record<string, unknown>>;
}

/** Names the deployment itself knows, added to the config's `settings`. */
export interface DeploymentSettings {
  /** Buckets this stack reads or writes logs in. */
  readonly logBuckets: readonly string[];
  /** Roles that read those buckets as their job: the stack's ingest role. */
  readonly logReaders: readonly string[];
  readonly trustedOrganizationIds: readonly string[];
}

/**
 * Reads and validates the config file named by the `configFile` context key, with the
 * same parser the CLI and the handlers use, so a bad file fails `cdk synth` (every problem
 * with its line and key) instead of every cold start. No file means the defaults.
 * `cloudTrailDetectors` are the ones the functions run: the built-ins, plus the
 * user detectors of `detectorsDir` when it is set.
 */
export function loadDetectorConfig(
  path: string | undefined,
  cwd = process.cwd(),
  cloudTrailDetectors: readonly Detector[] = BUILTIN_DETECTORS,
): DetectorConfig {
  if (path === undefined) return { document: {} };
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (cause) {
    throw new ConfigError([`configFile: cannot read "${path}": ${(cause as Error).message}`], {
      cause,
    });
  }
  try {
    parseConfigFile(text, { source: path, catalog: tunableDetectors(cloudTrailDetectors) });
  } catch (cause) {
    if (!(cause instanceof ConfigFileError)) throw cause;
    throw new ConfigError(
      cause.issues.map((issue) => `configFile: ${formatIssue(path, issue)}`),
      { cause },
    );
  }
  // Validated above, so this is a mapping (or empty); anchors are expanded by toJS.
  const document = (parse(text) ?? {}) as Record<string, unknown>;
  const size = JSON.stringify(document).length;
  if (size > MAX_CONFIG_JSON_CHARS) {
    throw new ConfigError([
      `configFile: "${path}" is ${size} characters as JSON; the Lambda environment (4 KB in all) ` +
        `leaves room for ${MAX_CONFIG_JSON_CHARS}. Remove expired or redundant suppressions.`,
    ]);
  }
  return { document };
}

/** The config with the deployment's own names merged into `settings` (no duplicates). */
export function withDeploymentSettings(
  config: DetectorConfig,
  deployment: DeploymentSettings,
): Record<string, unknown> {
  const settings = (config.document.settings ?? {}) as Record<string, unknown>;
  const merge = (key: keyof DeploymentSettings) => [
    ...new Set([...((settings[key] as string[] | undefined) ?? []), ...deployment[key]]),
  ];
  return {
    ...config.document,
    settings: {
      ...settings,
      logBuckets: merge('logBuckets'),
      logReaders: merge('logReaders'),
      trustedOrganizationIds: merge('trustedOrganizationIds'),
    },
  };
}
