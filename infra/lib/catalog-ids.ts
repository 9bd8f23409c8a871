import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { tunableDetectors } from '../handlers/catalog.js';

/**
 * Every built-in detector id a deployment may name (config overrides, alert
 * subscription filters): CloudTrail, S3 access-log and the invocation-spike detector.
 */
export const TUNABLE_BUILTIN_IDS: ReadonlySet<string> = new Set(
  tunableDetectors(BUILTIN_DETECTORS).map((d) => d.id),
);
