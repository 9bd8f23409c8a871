import { ConfigError } from '../../alerting/config/errors.js';
import { parseConfig } from '../../alerting/config/load.js';
import { applyDetectorOverrides } from '../../alerting/config/overrides.js';
import {
  compileSuppressions,
  expiredSuppressions,
  type SuppressionMatcher,
} from '../../alerting/config/suppress.js';
import type { DetectorOverride, TrailwatchConfig } from '../../alerting/config/types.js';
import {
  type Detector,
  type DetectorSettings,
  SEVERITIES,
  type Severity,
} from '../../detectors/types.js';

import { handlerAwsIpRanges } from './aws-ip-ranges.js';
import { handlerDetectors, tunableDetectors } from './catalog.js';
import { HandlerConfigError } from './errors.js';

export { HandlerConfigError };

export interface HandlerConfig {
  readonly settings: DetectorSettings;
  /** The CloudTrail detectors as the config tunes them: disabled ones removed, overrides applied. */
  readonly detectors: readonly Detector[];
  /**
   * The config's per-detector overrides, for the detectors that are not CloudTrail
   * detectors: the access-log engine and the invocation-spike detector apply them.
   */
  readonly overrides: ReadonlyMap<string, DetectorOverride>;
  /**
   * The config's suppressions. Put a `SuppressingSink` with this matcher in front
   * of the aggregator; it checks expiry against the wall clock per finding, so a
   * warm container stops suppressing the moment a rule expires.
   */
  readonly suppressions: SuppressionMatcher;
  /** For the cold-start log: deprecated variables, suppressions already expired. */
  readonly warnings: readonly string[];
  /** The topic for an alert of this severity. */
  readonly topicFor: (severity: Severity) => string;
  readonly runbookBaseUrl: string | undefined;
  /** Largest decompressed size read from one S3 object; past it the object is quarantined. */
  readonly maxDecompressedBytes: number;
  /**
   * Alerts one topic receives per minute from one container (critical ones get as many
   * again in reserve; see TopicBudget); the rest go out as a summary.
   */
  readonly alertsPerTopicPerMinute: number;
}

/**
 * 1 GiB: a gzip bomb stops after ~10 s of inflating instead of ~40 s at ingest's
 * 4 GiB default, well inside the 2-minute function timeout, and a log file that
 * large (over a million records) would not be processed within it anyway.
 */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 ** 3;
export const DEFAULT_ALERTS_PER_TOPIC_PER_MINUTE = 20;

/**
 * Reads the environment the CDK stack sets: `ALERT_TOPIC_ARN` (default topic),
 * optional `ALERT_TOPIC_ARN_<SEVERITY>` overrides, `TRAILWATCH_CONFIG` (the config
 * file's text, YAML or JSON: settings, detector overrides, suppressions) and
 * `RUNBOOK_BASE_URL`; `TRAILWATCH_AWS_IP_RANGES_FILE` (or the config's
 * `awsIpRangesFile`) names an ip-ranges.json, read once here.
 * `TRAILWATCH_SETTINGS` (JSON of the settings section alone) is still read, as a
 * deprecated alias. Fails fast with the variable's name, and the
 * line and key at fault. `detectors` are the CloudTrail detectors (built-ins, plus
 * user detectors when bundled); the config may also tune the access-log and
 * invocation-spike detectors. `now` only decides which expiry warnings to log.
 */
export function readHandlerConfig(
  env: NodeJS.ProcessEnv = process.env,
  detectors: readonly Detector[] = handlerDetectors(),
  now: number = Date.now(),
): HandlerConfig {
  const fallback = env.ALERT_TOPIC_ARN;
  if (!fallback) throw new HandlerConfigError('ALERT_TOPIC_ARN is not set');
  const bySeverity = new Map<Severity, string>();
  for (const severity of SEVERITIES) {
    const arn = env[`ALERT_TOPIC_ARN_${severity.toUpperCase()}`];
    if (arn) bySeverity.set(severity, arn);
  }
  const warnings: string[] = [];
  const config = configFromEnv(env, tunableDetectors(detectors), warnings);
  for (const rule of expiredSuppressions(config.suppressions, now)) {
    warnings.push(`suppression ${rule.id} expired (${rule.expires}) and is ignored`);
  }
  return {
    settings: withAwsIpRanges(config, env, warnings),
    detectors: applyDetectorOverrides(detectors, config.detectors),
    overrides: config.detectors,
    suppressions: compileSuppressions(config.suppressions),
    warnings,
    topicFor: (severity) => bySeverity.get(severity) ?? fallback,
    runbookBaseUrl: env.RUNBOOK_BASE_URL || undefined,
    maxDecompressedBytes: positiveInteger(
      env,
      'TRAILWATCH_MAX_DECOMPRESSED_BYTES',
      DEFAULT_MAX_DECOMPRESSED_BYTES,
    ),
    alertsPerTopicPerMinute: positiveInteger(
      env,
      'TRAILWATCH_ALERTS_PER_TOPIC_PER_MINUTE',
      DEFAULT_ALERTS_PER_TOPIC_PER_MINUTE,
    ),
  };
}

/**
 * The config's settings, with AWS's IP ranges when `TRAILWATCH_AWS_IP_RANGES_FILE`
 * or the config's `awsIpRangesFile` names a file (see handlerAwsIpRanges).
 */
function withAwsIpRanges(
  config: TrailwatchConfig,
  env: NodeJS.ProcessEnv,
  warnings: string[],
): DetectorSettings {
  const ranges = handlerAwsIpRanges(env, config.awsIpRangesFile, warnings);
  return ranges ? { ...config.settings, awsIpRanges: ranges } : config.settings;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new HandlerConfigError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function configFromEnv(
  env: NodeJS.ProcessEnv,
  catalog: readonly Detector[],
  warnings: string[],
): TrailwatchConfig {
  const text = env.TRAILWATCH_CONFIG;
  const legacy = env.TRAILWATCH_SETTINGS;
  if (text && legacy) {
    // Two sources of settings would leave one silently ignored.
    throw new HandlerConfigError(
      'TRAILWATCH_CONFIG and TRAILWATCH_SETTINGS are both set: move the settings into TRAILWATCH_CONFIG under "settings:"',
    );
  }
  const source = text ? 'TRAILWATCH_CONFIG' : 'TRAILWATCH_SETTINGS';
  if (legacy) warnings.push('TRAILWATCH_SETTINGS is deprecated: use TRAILWATCH_CONFIG');
  try {
    return parseConfig(text || legacy || '', { source, catalog, settingsOnly: !text && !!legacy });
  } catch (cause) {
    // A ConfigError's message already names the variable, line and key of each problem.
    const message =
      cause instanceof ConfigError ? cause.message : `${source} is invalid: ${String(cause)}`;
    throw new HandlerConfigError(message, { cause });
  }
}
