import type { Detector, Threshold } from '../../detectors/types.js';
import type { DetectorOverride } from './types.js';

/**
 * The catalog as the config tunes it: disabled detectors removed, overridden ones
 * replaced by new objects with the new metadata (the originals are shared by
 * every run and stay untouched), the others returned as they are. Order is kept.
 *
 * A `severity` override sets the severity of every finding of the detector,
 * including the events it would otherwise escalate: the operator has the last word.
 * Overrides for ids not in `detectors` are ignored (the loader has already
 * rejected ids outside the catalog it was given).
 */
export function applyDetectorOverrides(
  detectors: readonly Detector[],
  overrides: ReadonlyMap<string, DetectorOverride>,
): Detector[] {
  const out: Detector[] = [];
  for (const detector of detectors) {
    const override = overrides.get(detector.id);
    if (!override) out.push(detector);
    else if (override.enabled !== false) out.push(overridden(detector, override));
  }
  return out;
}

function overridden(detector: Detector, override: DetectorOverride): Detector {
  const { severity, dedupWindowSeconds, threshold } = override;
  const merged = threshold ? mergeThreshold(detector.threshold, threshold) : undefined;
  return {
    ...detector,
    ...(severity === undefined ? {} : { severity }),
    ...(dedupWindowSeconds === undefined ? {} : { dedupWindowSeconds }),
    ...(merged === undefined ? {} : { threshold: merged }),
    // Bound to the original: a detector may rely on `this` being itself.
    match:
      severity === undefined
        ? detector.match.bind(detector)
        : (event, ctx) => {
            const draft = detector.match(event, ctx);
            return draft && { ...draft, severity };
          },
  };
}

/** Keeps what the override leaves out (`distinct`, the other field); `undefined` if incomplete. */
function mergeThreshold(
  own: Threshold | undefined,
  override: NonNullable<DetectorOverride['threshold']>,
): Threshold | undefined {
  const count = override.count ?? own?.count;
  const windowSeconds = override.windowSeconds ?? own?.windowSeconds;
  if (count === undefined || windowSeconds === undefined) return own;
  return { ...own, count, windowSeconds };
}
