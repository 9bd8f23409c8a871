export { type ParsedAccessLogLine, parseAccessLogLine } from './parse-line.js';
export { looksLikeAccessLogLine } from './sniff.js';
export { parseAccessLogTime } from './time.js';
export {
  ACCESS_LOG_FIELDS,
  type AccessLogField,
  type AccessLogRecord,
  hasField,
  MIN_ACCESS_LOG_FIELDS,
} from './types.js';
