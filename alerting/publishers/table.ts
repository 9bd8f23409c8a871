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
  | 'account'
  | 'principal'
  | 'resource'
  | 'runbook'
  | 'count'
  | 'summary';

export const DEFAULT_TABLE_WIDTHS: Readonly<Record<TableColumn, number>> = {
  severity: 8,
  detector: 34,
  account: 12,
  principal: 38,
  resource: 36,
  runbook: 24,
  count: 5,
  summary: 160,
};

export interface TablePublisherOptions {
  readonly out: Writable;
  /** Colour the severity column with ANSI codes (pass `stream.isTTY`). Default false. */
  readonly color?: boolean;
  readonly widths?: Partial<Record<TableColumn, number>>;
  /** Terminal width: the summary column is cut to fit it. Default: no fitting. */
  readonly columns?: number;
}

const COLUMNS: readonly TableColumn[] = [
  'severity',
  'detector',
  'account',
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
    const short = first === undefined ? '-' : compactArn(first);
    const resource = more.length ? `${short} (+${more.length})` : short;
    return this.line(
      {
        severity: alert.severity.toUpperCase(),
        detector: alert.detector,
        account: alert.account,
        principal: compactArn(alert.principal),
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
      const width = column === 'summary' ? this.summaryWidth() : this.width(column);
      const text = cut(displayLine(cells[column] ?? '', 4096), width);
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

  /** The summary gets what is left of the terminal, but never less than 30 characters. */
  private summaryWidth(): number {
    const fixed = COLUMNS.filter((c) => c !== 'summary').reduce((n, c) => n + this.width(c) + 2, 0);
    const terminal = this.options.columns;
    if (!terminal) return this.width('summary');
    return Math.max(30, Math.min(this.width('summary'), terminal - fixed - 1));
  }
}

/** Cuts a display string to `width` with a plain ellipsis: table cells have no room for markers. */
function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  let keep = width - 1;
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
  return `${text.slice(0, keep)}…`;
}

/**
 * An ARN without the parts every row repeats: `arn:aws:sts::1111:assumed-role/R/s`
 * becomes `sts:assumed-role/R/s`, `arn:aws:s3:::bucket` becomes `s3:bucket`. The
 * account has its own column; the full ARN stays in the JSON formats.
 */
export function compactArn(value: string): string {
  const match = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/s.exec(value);
  if (!match) return value;
  return `${match[1]}:${match[2]}`;
}
