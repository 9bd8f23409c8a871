export { cloudshellFirstUse } from './cloudshell-first-use.js';
