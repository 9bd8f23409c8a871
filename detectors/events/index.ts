export { eventbridgeBusOpened } from './eventbridge-bus-opened.js';
