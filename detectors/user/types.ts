import type { Detector, DetectorExamples } from '../types.js';

/**
 * A detector written by a user, outside `detectors/`. The same contract as a
 * built-in detector; its examples may ride along inline instead of living in
 * a `<id>.examples.ts` file beside it.
 */
export interface UserDetector extends Detector {
  readonly examples?: DetectorExamples;
}
