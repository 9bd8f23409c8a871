export { cloudtrailConfigChanged } from './cloudtrail-config-changed.js';
export { cloudtrailEventDataStoreStopped } from './cloudtrail-event-data-store-stopped.js';
export { cloudtrailEventSelectorsNarrowed } from './cloudtrail-event-selectors-narrowed.js';
export { cloudtrailLoggingStopped } from './cloudtrail-logging-stopped.js';
export { cloudtrailTrailUpdated } from './cloudtrail-trail-updated.js';
