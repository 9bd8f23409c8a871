import { parseDetectorSettings } from '../../detectors/settings.js';
import { type DetectorSettings, SEVERITIES, type Severity } from '../../detectors/types.js';

/** Raised at cold start when the function's environment is wrong: a deploy problem, not data. */
export class HandlerConfigError extends Error {
  override readonly name = 'HandlerConfigError';
}

export interface HandlerConfig {
  readonly settings: DetectorSettings;
  /** The topic for an alert of this severity. */
  readonly topicFor: (severity: Severity) => string;
  readonly runbookBaseUrl: string | undefined;
}

/**
 * Reads the environment the CDK stack sets: `ALERT_TOPIC_ARN` (default topic),
 * optional `ALERT_TOPIC_ARN_<SEVERITY>` overrides, `TRAILWATCH_SETTINGS` (JSON of
 * detector settings) and `RUNBOOK_BASE_URL`. Fails fast with the variable's name.
 */
export function readHandlerConfig(env: NodeJS.ProcessEnv = process.env): HandlerConfig {
  const fallback = env.ALERT_TOPIC_ARN;
  if (!fallback) throw new HandlerConfigError('ALERT_TOPIC_ARN is not set');
  const bySeverity = new Map<Severity, string>();
  for (const severity of SEVERITIES) {
    const arn = env[`ALERT_TOPIC_ARN_${severity.toUpperCase()}`];
    if (arn) bySeverity.set(severity, arn);
  }
  let settings: DetectorSettings;
  try {
    settings = parseDetectorSettings(
      env.TRAILWATCH_SETTINGS ? JSON.parse(env.TRAILWATCH_SETTINGS) : undefined,
    );
  } catch (cause) {
    throw new HandlerConfigError(`TRAILWATCH_SETTINGS is invalid: ${(cause as Error).message}`, {
      cause,
    });
  }
  return {
    settings,
    topicFor: (severity) => bySeverity.get(severity) ?? fallback,
    runbookBaseUrl: env.RUNBOOK_BASE_URL || undefined,
  };
}
