/** Tests share the builders detector examples use. */
export {
  ACCOUNT,
  cloudTrailEvent,
  failed,
  identities,
  OTHER_ACCOUNT,
} from '../../detectors/examples/events.js';
