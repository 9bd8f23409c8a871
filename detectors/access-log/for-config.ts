import { findingDetector } from '../helpers/source-detector.js';
import type { Detector, DetectorSettings } from '../types.js';
import { BUILTIN_ACCESS_LOG_DETECTORS } from './catalog.js';
import { AccessLogEngine } from './engine.js';
import { applyAccessLogOverrides, type MetaOverride } from './overrides.js';

/** The access-log engine with the config's overrides, as scan, its workers and the Lambda build it. */
export function accessLogEngineFor(
  overrides: ReadonlyMap<string, MetaOverride>,
  settings: DetectorSettings,
): AccessLogEngine {
  return new AccessLogEngine(applyAccessLogOverrides(BUILTIN_ACCESS_LOG_DETECTORS, overrides), {
    settings,
  });
}

/**
 * The access-log detectors as the `Detector`s their findings carry: what a config
 * is validated against (so it may tune them) and how findings are matched back
 * to their detector across worker threads.
 */
export const ACCESS_LOG_FINDING_DETECTORS: readonly Detector[] =
  BUILTIN_ACCESS_LOG_DETECTORS.map(findingDetector);
