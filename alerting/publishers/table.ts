import type { Writable } from 'node:stream';
import type { Severity } from '../../detectors/types.js';
import type { Alert } from '../alert.js';
import { byUrgency } from '../alert-order.js';
import { displayLine } from '../sanitize.js';
import { type AlertPublisher, allFailed, allPublished, type PublishResult } from './publisher.js';
import { writeText } from './write-text.js';

export type TableColumn =
  | 'severity'
  | 'detector'
  | 'principal'
  | 'resource'
  | 'runbook'
  | 'count'
  | 'summary';

export const DEFAULT_TABLE_WIDTHS: Readonly<Record<TableColumn, number>> = {
  severity: 8,
  detector: 32,
  principal: 40,
  resource: 40,
  runbook: 24,
  count: 7,
  summary: 80,
};

export interface TablePublisherOptions {
  readonly out: Writable;
  /** Colour the severity column with ANSI codes (pass `stream.isTTY`). Default false. */
  readonly color?: boolean;
  readonly widths?: Partial<Record<TableColumn, number>>;
}

const COLUMNS: readonly TableColumn[] = [
  'severity',
  'detector',
  'principal',
  'resource',
  'runbook',
  'count',
  'summary',
];

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const RESET = '\u001b[0m';

/**
 * A fixed-width table for a terminal, one alert per line, most urgent first.
 * Every cell is sanitised (one line, no escapes from the data) and cut to its
 * column; the only escape codes are our own colours, and only when asked.
 * Writes nothing for no alerts: the caller prints its own summary line.
 */
export class TablePublisher implements AlertPublisher {
  private readonly widths: Readonly<Record<TableColumn, number>>;

  constructor(private readonly options: TablePublisherOptions) {
    this.widths = { ...DEFAULT_TABLE_WIDTHS, ...options.widths };
  }

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    if (alerts.length === 0) return allPublished(alerts);
    try {
      await writeText(this.options.out, this.render(alerts));
      return allPublished(alerts);
    } catch (error) {
      return allFailed(alerts, error);
    }
  }

  /** The table as text (header, rule, rows), for tests and callers that print themselves. */
  render(alerts: readonly Alert[]): string {
    const header = this.line(Object.fromEntries(COLUMNS.map((c) => [c, c.toUpperCase()])));
    const rule = COLUMNS.map((c) => '-'.repeat(this.width(c))).join('  ');
    const rows = [...alerts].sort(byUrgency).map((alert) => this.row(alert));
    return `${[header, rule, ...rows].join('\n')}\n`;
  }

  private row(alert: Alert): string {
    const [first, ...more] = alert.resources;
    const resource = first === undefined ? '-' : more.length ? `${first} (+${more.length})` : first;
    return this.line(
      {
        severity: alert.severity.toUpperCase(),
        detector: alert.detector,
        principal: alert.principal,
        resource,
        runbook: alert.runbook.id,
        count: String(alert.count),
        summary: alert.summary,
      },
      alert.severity,
    );
  }

  private line(cells: Record<string, string>, severity?: Severity): string {
    return COLUMNS.map((column, i) => {
      const width = this.width(column);
      const text = displayLine(cells[column] ?? '', width);
      const padded =
        column === 'count'
          ? text.padStart(width)
          : i === COLUMNS.length - 1
            ? text
            : text.padEnd(width);
      if (column !== 'severity' || !severity || !this.options.color) return padded;
      return `${SEVERITY_COLOR[severity] ?? ''}${padded}${RESET}`;
    }).join('  ');
  }

  private width(column: TableColumn): number {
    return Math.max(4, Math.floor(this.widths[column]) || DEFAULT_TABLE_WIDTHS[column]);
  }
}
