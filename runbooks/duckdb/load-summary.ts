import type { LoadReport } from '../engines/duckdb-runner.js';

/** Altered records listed one by one; the rest are counted. */
const LISTED_TAMPERED = 10;

/** One line of what a local load read and passed over, then one line per rejected file. */
export function describeLoad(load: LoadReport): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    `${plural(load.cloudTrailFiles, 'CloudTrail file')} (${plural(load.events, 'event')})`,
  ];
  if (load.accessLogFiles > 0 || load.accessLogRecords > 0) {
    parts.push(
      `${plural(load.accessLogFiles, 'access-log file')} (${plural(load.accessLogRecords, 'record')})`,
    );
  }
  const counts = new Map<string, number>();
  for (const s of load.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const skipped = [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
  const lines = [
    `read ${parts.join(' and ')} in ${load.elapsedMs} ms${skipped ? `; passed over: ${skipped}` : ''}`,
  ];
  for (const r of load.rejected) lines.push(`rejected ${r.path}: ${r.reason}`);
  for (const t of load.tampered.slice(0, LISTED_TAMPERED)) {
    lines.push(
      t.record === undefined
        ? `altered ${t.path}: top-level key ${t.keyPath} repeated; the records of every array were read, as trailwatch scan reads them`
        : `altered ${t.path} record ${t.record}: key ${t.keyPath} repeated; left out, as trailwatch scan leaves it out`,
    );
  }
  const more = load.tampered.length - LISTED_TAMPERED;
  if (more > 0) lines.push(`... and ${more} more altered records left out`);
  return lines;
}
