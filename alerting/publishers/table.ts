import type { Writable } from 'node:stream';
import type { Severity } from '../../detectors/types.js';
import type { Alert } from '../alert.js';
import { byUrgency } from '../alert-order.js';
import { displayLine } from '../sanitize.js';
import { type AlertPublisher, allFailed, allPublished, type PublishResult } from './publisher.js';
import { compactTime, severityText, summaryText, TIME_CELLS } from './table/alert-cells.js';
import { cellWidth, cellWidthUpTo, fitEnd, fitStart, padEnd } from './table/cell-text.js';
import { type ColumnSpec, layoutColumns } from './table/column-layout.js';
import {
  actorLabel,
  fitLabel,
  labelText,
  type NameLabel,
  resourceLabel,
} from './table/name-label.js';
import { DEFAULT_TABLE_COLUMNS } from './table/table-target.js';
import { writeText } from './write-text.js';

export interface TablePublisherOptions {
  readonly out: Writable;
  /** Colour the severity column with ANSI codes (terminals only). Default false. */
  readonly color?: boolean;
  /** Terminal width in cells: no row is wider. Default {@link DEFAULT_TABLE_COLUMNS}. */
  readonly columns?: number;
  /** Full values, tab-separated, nothing cut (pipes, files). Default false. */
  readonly wide?: boolean;
}

type Key = 'time' | 'severity' | 'detector' | 'account' | 'actor' | 'resource' | 'summary';

/** Least useful, comfortable and largest widths; which columns go first on a narrow terminal. */
const FITTED: readonly (readonly [Key, Omit<ColumnSpec, 'natural'> & { max: number }])[] = [
  ['time', { min: TIME_CELLS, soft: TIME_CELLS, max: TIME_CELLS, hidePriority: 1 }],
  ['severity', { min: 4, soft: 4, max: 8 }],
  ['detector', { min: 10, soft: 30, max: 42, hidePriority: 0 }],
  ['account', { min: 5, soft: 5, max: 12, hidePriority: 3 }],
  ['actor', { min: 20, soft: 32, max: 56 }],
  ['resource', { min: 10, soft: 20, max: 40, hidePriority: 2 }],
  ['summary', { min: 12, soft: 40, max: 4096 }],
];

const HEADERS: Readonly<Record<Key, readonly string[]>> = {
  time: ['FIRST SEEN', 'TIME'],
  severity: ['SEVERITY', 'SEV'],
  detector: ['DETECTOR'],
  account: ['ACCOUNT', 'ACCT'],
  actor: ['ACTOR'],
  resource: ['RESOURCE', 'RES'],
  summary: ['SUMMARY'],
};

const GAP = '  ';

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const RESET = '\u001b[0m';

/** One alert's display values, sanitised once: every later step measures what it prints. */
interface RowText {
  readonly severity: Severity;
  readonly time: string;
  readonly detector: string;
  readonly account: string;
  readonly actor: NameLabel;
  readonly resource: NameLabel | undefined;
  /** ` (+2)` when the alert has more resources than the one shown. */
  readonly more: string;
  readonly summary: string;
}

/**
 * The alerts as a table, one line per alert, most urgent first. On a terminal
 * ({@link TablePublisherOptions.columns}) the columns share its width: the time,
 * severity, detector, account (when the alerts span several), actor, resource and
 * a summary that takes the rest; actors and resources are shortened from the
 * middle so the session or resource name stays. Wide mode prints every value whole,
 * tab-separated. Every value is sanitised before it is measured; the only escape
 * codes are our own colours, and only when asked. Writes nothing for no alerts:
 * the caller prints its own summary line.
 */
export class TablePublisher implements AlertPublisher {
  constructor(private readonly options: TablePublisherOptions) {}

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    if (alerts.length === 0) return allPublished(alerts);
    try {
      await writeText(this.options.out, this.render(alerts));
      return allPublished(alerts);
    } catch (error) {
      return allFailed(alerts, error);
    }
  }

  /** The table as text, for tests and callers that print themselves. */
  render(alerts: readonly Alert[]): string {
    const sorted = [...alerts].sort(byUrgency);
    const lines = this.options.wide ? this.wideLines(sorted) : this.fittedLines(sorted);
    return `${lines.join('\n')}\n`;
  }

  private wideLines(alerts: readonly Alert[]): string[] {
    const header = ['TIME', 'SEVERITY', 'DETECTOR', 'ACCOUNT', 'ACTOR', 'RESOURCES', 'SUMMARY'];
    const rows = alerts.map((alert) => {
      const cells = [
        alert.firstSeen,
        alert.severity.toUpperCase(),
        alert.detector,
        alert.account,
        alert.principal,
        alert.resources.join(','),
        alert.summary,
      ].map((value) => clean(value) || '-');
      cells[1] = this.colored(cells[1] ?? '', alert.severity);
      return cells.join('\t');
    });
    return [header.join('\t'), ...rows];
  }

  private fittedLines(alerts: readonly Alert[]): string[] {
    const asked = Math.floor(this.options.columns ?? DEFAULT_TABLE_COLUMNS);
    const total = Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_TABLE_COLUMNS;
    const texts = alerts.map(rowText);
    const manyAccounts = new Set(texts.map((t) => t.account)).size > 1;
    const keys = FITTED.filter(([key]) => key !== 'account' || manyAccounts);
    const specs = keys.map(([key, spec]) => {
      const widest = Math.max(
        cellWidth(HEADERS[key].at(-1) ?? ''),
        ...texts.map((t) => cellWidthUpTo(fullCell(t, key), spec.max)),
      );
      const natural = Math.min(widest, spec.max);
      return { ...spec, min: Math.min(spec.min, natural), natural };
    });
    const widths = layoutColumns(specs, total, GAP.length);
    const shown = keys.map(([key], i) => ({ key, width: widths[i] ?? 0 })).filter((c) => c.width);

    const header = shown.map(({ key, width }) => headerCell(key, width));
    const rule = shown.map(({ width }) => '-'.repeat(width));
    const rows = texts.map((t) => shown.map(({ key, width }) => fittedCell(t, key, width)));
    return [header, rule, ...rows].map((cells, row) => {
      const padded = cells.map((cell, i) =>
        i === cells.length - 1 ? cell : padEnd(cell, shown[i]?.width ?? 0),
      );
      const plain = padded.join(GAP);
      // Only when even the narrowest columns do not fit (a tiny terminal).
      if (cellWidth(plain) > total) return fitEnd(plain, total);
      const severity = texts[row - 2]?.severity;
      if (!severity || !this.options.color) return plain;
      return padded
        .map((cell, i) => (shown[i]?.key === 'severity' ? this.colored(cell, severity) : cell))
        .join(GAP);
    });
  }

  private colored(cell: string, severity: Severity): string {
    if (!this.options.color) return cell;
    return `${SEVERITY_COLOR[severity] ?? ''}${cell}${RESET}`;
  }
}

/** One line of display text, nothing cut (the table cuts by cells). */
function clean(value: unknown): string {
  return displayLine(value, Number.POSITIVE_INFINITY);
}

function rowText(alert: Alert): RowText {
  const account = clean(alert.account);
  const [first, ...more] = alert.resources;
  return {
    severity: alert.severity,
    time: clean(compactTime(alert.firstSeen)),
    detector: clean(alert.detector),
    account,
    actor: actorLabel(clean(alert.principal), account),
    resource: first === undefined ? undefined : resourceLabel(clean(first), account),
    more: more.length ? ` (+${more.length})` : '',
    summary: clean(summaryText(alert)),
  };
}

/** A cell whole, for measuring how wide its column wants to be. */
function fullCell(text: RowText, key: Key): string {
  switch (key) {
    case 'severity':
      return text.severity.toUpperCase();
    case 'actor':
      return labelText(text.actor);
    case 'resource':
      return text.resource ? `${labelText(text.resource)}${text.more}` : '-';
    default:
      return text[key];
  }
}

function fittedCell(text: RowText, key: Key, width: number): string {
  switch (key) {
    case 'severity':
      return severityText(text.severity, width);
    case 'account':
      return fitStart(text.account || '-', width);
    case 'actor':
      return fitLabel(text.actor, width);
    case 'resource': {
      if (!text.resource) return '-';
      const room = width - cellWidth(text.more);
      if (room < 3) return fitEnd(`${labelText(text.resource)}${text.more}`, width);
      return `${fitLabel(text.resource, room)}${text.more}`;
    }
    default:
      return fitEnd(text[key] || '-', width);
  }
}

function headerCell(key: Key, width: number): string {
  const names = HEADERS[key];
  return names.find((name) => name.length <= width) ?? fitEnd(names.at(-1) ?? '', width);
}
