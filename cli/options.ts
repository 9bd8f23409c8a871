import { SEVERITIES, type Severity } from '../detectors/types.js';
import { UsageError } from './io.js';

/** Validates a `--min-severity` / `--fail-on` value. */
export function parseSeverity(flag: string, value: string): Severity {
  const lower = value.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(lower)) return lower as Severity;
  throw new UsageError(`${flag} must be one of ${SEVERITIES.join(', ')} (got "${value}")`);
}

/** Validates a `--format` value against the formats a command supports. */
export function parseChoice<T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${choices.join(', ')} (got "${value}")`);
}
