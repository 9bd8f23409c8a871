import { DetectorEngine } from '../../detectors/engine.js';
import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type Detector,
  type DetectorSettings,
  type Finding,
} from '../../detectors/types.js';

/**
 * Runs one detector through the real engine (so its `listensTo` keys are tested
 * too) and returns its findings for the event.
 */
export function detect(
  detector: Detector,
  event: CloudTrailEvent,
  settings: Partial<DetectorSettings> = {},
): Finding[] {
  const engine = new DetectorEngine([detector], { settings: { ...DEFAULT_SETTINGS, ...settings } });
  return engine.evaluate(event, (error) => {
    throw error;
  });
}
