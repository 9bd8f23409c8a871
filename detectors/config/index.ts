export { configRecorderStopped } from './config-recorder-stopped.js';
export { configServiceChanged } from './config-service-changed.js';
