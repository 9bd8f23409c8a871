import type { TextSafety } from '../runbooks/output/format-result.js';
import { escapeUnsafeJson } from './safe-json.js';
import { escapeInvisible, spreadsheetCell } from './sanitize.js';

/**
 * The neutralisation alerts get, for other output built from attacker-controlled
 * text: `trailwatch investigate` results in table, CSV and JSON. Passed in rather
 * than imported by runbooks/ (alerting depends on runbooks, not the other way).
 */
export const TEXT_SAFETY: TextSafety = {
  line: escapeInvisible,
  spreadsheetCell,
  json: escapeUnsafeJson,
};
