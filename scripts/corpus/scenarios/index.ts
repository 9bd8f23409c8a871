export { ALL_SCENARIOS, scenarioOf } from './catalog.js';
export { DETECTOR_EVENT_NAMES } from './detector-events.js';
export type { Scenario, ScenarioCtx, Scope } from './types.js';
