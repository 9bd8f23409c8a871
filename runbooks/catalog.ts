import * as data from './data/index.js';
import type { Query, Runbook } from './schema.js';

/**
 * The runbooks detectors point to, by id. Each alert carries its runbook's id,
 * title and link so the on-call engineer knows where to start. The records
 * themselves live in `data/`, one file per runbook.
 */
export interface RunbookRef {
  readonly id: string;
  readonly title: string;
}

/** Every runbook, sorted by id. */
export const RUNBOOK_LIST: readonly Runbook[] = (Object.values(data) as Runbook[]).sort((a, b) =>
  a.id.localeCompare(b.id),
);

export const RUNBOOKS: ReadonlyMap<string, RunbookRef> = new Map(
  RUNBOOK_LIST.map((r) => [r.id, { id: r.id, title: r.title }]),
);

/** Where rendered runbooks live; alerts link to `<base>/<id>.md`. */
export const DEFAULT_RUNBOOK_BASE_URL =
  'https://github.com/trailwatch/trailwatch/blob/main/docs/runbooks';

export function runbookUrl(id: string, baseUrl: string = DEFAULT_RUNBOOK_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(id)}.md`;
}

/** The full runbook record, or undefined for an unknown id. */
export function getRunbook(id: string): Runbook | undefined {
  return RUNBOOK_LIST.find((r) => r.id === id);
}

/** Every distinct query used by some runbook, sorted by id. */
export function allQueries(): Query[] {
  const byId = new Map<string, Query>();
  for (const runbook of RUNBOOK_LIST) for (const q of runbook.queries) byId.set(q.id, q);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
