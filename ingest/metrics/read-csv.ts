import type { MetricsRead } from './read-json.js';
import { SeriesBuilder } from './series-builder.js';

/**
 * Series from CSV with a header row naming at least `Label`, `Timestamp` and
 * `Value` (any order, any case; `StatusCode` optional; other columns ignored): one
 * datapoint per row, as a GetMetricData result flattened. Quoted fields may hold
 * commas and doubled quotes. Returns undefined when the header lacks those columns.
 */
export function seriesFromCsv(text: string): MetricsRead | undefined {
  const lines = text.split(/\r?\n/);
  let at = 0;
  while (at < lines.length && (lines[at] ?? '').trim() === '') at++;
  const header = parseCsvLine((lines[at] ?? '').replace(/^\uFEFF/, '')).map((h) =>
    h.trim().toLowerCase(),
  );
  const column = (name: string) => header.indexOf(name);
  const [label, time, value, status] = [
    column('label'),
    column('timestamp'),
    column('value'),
    column('statuscode'),
  ];
  if (label === -1 || time === -1 || value === -1) return undefined;
  const builder = new SeriesBuilder();
  let badRows = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cells = parseCsvLine(line);
    const name = cells[label]?.trim();
    const number = Number(cells[value]?.trim() || Number.NaN);
    if (!name) {
      badRows++;
      continue;
    }
    const raw = cells[time]?.trim() ?? '';
    const stamp = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : raw;
    builder.add(
      name,
      [stamp],
      [number],
      status === -1 ? undefined : cells[status]?.trim() || undefined,
    );
  }
  if (badRows > 0) builder.warnings.push(`${badRows} rows without a Label ignored`);
  const series = builder.build();
  return { series, warnings: builder.warnings };
}

/** One CSV line: comma-separated, `"..."` fields with `""` for a quote. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
