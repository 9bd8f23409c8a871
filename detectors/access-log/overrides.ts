import type { Severity, Threshold } from '../types.js';
import type { AccessLogDetector } from './types.js';

/**
 * A config override for one detector, structurally the `detectors:` entry of the
 * config file (alerting/config `DetectorOverride`), restated here because
 * detectors do not depend on alerting.
 */
export interface MetaOverride {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly dedupWindowSeconds?: number;
  readonly threshold?: { readonly count?: number; readonly windowSeconds?: number };
}

/**
 * The access-log catalog as the config tunes it, with the same meaning as for
 * CloudTrail detectors: disabled ones removed, overridden ones copied with the new
 * metadata (a severity override applies to every finding, escalations included),
 * the rest returned as they are, order kept.
 */
export function applyAccessLogOverrides(
  detectors: readonly AccessLogDetector[],
  overrides: ReadonlyMap<string, MetaOverride>,
): AccessLogDetector[] {
  const out: AccessLogDetector[] = [];
  for (const detector of detectors) {
    const override = overrides.get(detector.id);
    if (!override) out.push(detector);
    else if (override.enabled !== false) out.push(overridden(detector, override));
  }
  return out;
}

function overridden(detector: AccessLogDetector, override: MetaOverride): AccessLogDetector {
  const { severity, dedupWindowSeconds } = override;
  const threshold = mergeThreshold(detector.threshold, override.threshold);
  return {
    ...detector,
    ...(severity === undefined ? {} : { severity }),
    ...(dedupWindowSeconds === undefined ? {} : { dedupWindowSeconds }),
    ...(threshold === undefined ? {} : { threshold }),
    match:
      severity === undefined
        ? detector.match.bind(detector)
        : (record, ctx) => {
            const draft = detector.match(record, ctx);
            return draft && { ...draft, severity };
          },
  };
}

function mergeThreshold(
  own: Threshold | undefined,
  override: MetaOverride['threshold'],
): Threshold | undefined {
  if (!override) return undefined;
  const count = override.count ?? own?.count;
  const windowSeconds = override.windowSeconds ?? own?.windowSeconds;
  if (count === undefined || windowSeconds === undefined) return undefined;
  return { ...own, count, windowSeconds };
}
