import { SEVERITY_RANK } from '../detectors/types.js';
import type { Alert } from './alert.js';

/** Stable output order for alerts: most severe first, then earliest first, then by id. */
export function byUrgency(a: Alert, b: Alert): number {
  return (
    (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) ||
    compareText(a.firstSeen, b.firstSeen) ||
    compareText(a.id, b.id)
  );
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
