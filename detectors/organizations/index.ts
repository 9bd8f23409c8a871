export { organizationsChanged } from './organizations-changed.js';
export { organizationsLeave } from './organizations-leave.js';
