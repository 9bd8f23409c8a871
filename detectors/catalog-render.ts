import { TACTICS, techniqueOf } from './attack-techniques.js';
import { controlsOf, monitoringCoverage, tacticCoverage, tacticsOf } from './catalog-coverage.js';
import { STRATUS_TECHNIQUES } from './stratus-techniques.js';
import { type Detector, type EventKey, SEVERITIES } from './types.js';

/** The metadata of a detector as plain data (what `trailwatch detectors --format json` prints). */
export function describeDetector(d: Detector) {
  return {
    id: d.id,
    title: d.title,
    severity: d.severity,
    description: d.description,
    attack: d.attack,
    references: d.references,
    runbook: d.runbook,
    dedupWindowSeconds: d.dedupWindowSeconds,
    threshold: d.threshold ?? null,
    firstSeen: d.firstSeen ?? null,
    listensTo: d.listensTo,
  };
}

/** The command that writes docs/detectors.md; the staleness test runs the same renderer. */
export const DOCS_COMMAND = 'npm run docs:detectors';

function keyText(key: EventKey): string {
  const source =
    key.eventSource === '*' ? 'any source' : key.eventSource.replace(/\.amazonaws\.com$/, '');
  if (key.eventNames === '*')
    return key.eventSource === '*' ? 'every event' : `${source}: every event`;
  return `${source}: ${key.eventNames.join(', ')}`;
}

/** Markdown-escapes prose, leaving `code spans` as written. */
function mdText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>#|])/g, '\\$1')))
    .join('')
    .replace(/\r?\n/g, ' ');
}

/** A table cell: prose escaping, and pipes escaped inside code spans too. */
function mdCell(text: string): string {
  return mdText(text).replace(/`[^`]*`/g, (code) => code.replace(/\|/g, '\\|'));
}

function link(id: string): string {
  return `[${id}](#${id})`;
}

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function alerting(d: Detector): string {
  const parts = [`one alert per dedup key per ${duration(d.dedupWindowSeconds)}`];
  if (d.threshold) {
    const what = d.threshold.distinct ? 'distinct values' : 'findings';
    parts.push(`after ${d.threshold.count} ${what} within ${duration(d.threshold.windowSeconds)}`);
  }
  if (d.firstSeen) {
    parts.push(
      `only the first time a key is seen (learning ${d.firstSeen.learningDays} d, ` +
        `forgotten after ${d.firstSeen.forgetAfterDays} d)`,
    );
  }
  return parts.join('; ');
}

function techniqueText(id: string): string {
  const technique = techniqueOf(id);
  const url = `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
  return technique ? `[${id}](${url}) ${technique.name}` : `[${id}](${url})`;
}

function severityCounts(detectors: readonly Detector[]): string {
  return SEVERITIES.map((s) => `${detectors.filter((d) => d.severity === s).length} ${s}`).join(
    ', ',
  );
}

function indexTable(detectors: readonly Detector[]): string[] {
  const lines = ['| Detector | Severity | Title | ATT&CK tactics |', '|---|---|---|---|'];
  for (const d of detectors) {
    const tactics = tacticsOf(d).join(', ');
    lines.push(`| ${link(d.id)} | ${d.severity} | ${mdCell(d.title)} | ${tactics} |`);
  }
  return lines;
}

function controlsTable(detectors: readonly Detector[]): string[] {
  const coverage = monitoringCoverage(detectors);
  const covered = coverage.filter((c) => c.detectors.length > 0).length;
  return [
    `${covered} of ${coverage.length} controls covered. Each control in the Benchmark is a ` +
      'CloudWatch Logs metric filter and alarm on an exact event set; the detectors below watch ' +
      'the same events (and judge them, where the Benchmark only counts).',
    '',
    '| Security Hub | CIS v6/v7 | Control | Detectors |',
    '|---|---|---|---|',
    ...coverage.map(({ control, detectors: ids }) => {
      const sh = control.id.startsWith('CloudWatch.') ? control.id : '(none)';
      const list = ids.length > 0 ? ids.map(link).join(', ') : '**not covered**';
      return `| ${sh} | ${control.cis} | ${mdCell(control.title)} | ${list} |`;
    }),
  ];
}

function tacticsTable(detectors: readonly Detector[]): string[] {
  const lines = ['| Tactic | Techniques | Detectors |', '|---|---|---|'];
  for (const row of tacticCoverage(detectors)) {
    const tactic = row.tactic
      ? `${row.tactic} (${TACTICS.find((t) => t.name === row.tactic)?.id})`
      : 'Not in the technique table';
    const techniques = row.techniques.length > 0 ? row.techniques.join(', ') : '—';
    const ids = row.detectors.length > 0 ? row.detectors.map(link).join(', ') : '**none**';
    lines.push(`| ${tactic} | ${techniques} | ${ids} |`);
  }
  return lines;
}

/**
 * Stratus Red Team's AWS techniques and the detectors that catch them; only ids
 * in this catalog are listed, so a technique whose detectors are all disabled or
 * absent shows as uncovered, with the reason the data gives.
 */
function stratusTable(detectors: readonly Detector[]): string[] {
  const ids = new Set(detectors.map((d) => d.id));
  const covered = STRATUS_TECHNIQUES.filter((t) => t.detectors.some((id) => ids.has(id))).length;
  const lines = [
    `${covered} of ${STRATUS_TECHNIQUES.length} techniques have a detector.`,
    '',
    '| Technique | What it does | Detectors |',
    '|---|---|---|',
  ];
  for (const t of STRATUS_TECHNIQUES) {
    const found = t.detectors.filter((id) => ids.has(id));
    const cell =
      found.length > 0 ? found.map(link).join(', ') : `**none**: ${t.gap ?? 'no detector'}`;
    const note = found.length > 0 && t.gap ? ` (${t.gap})` : '';
    lines.push(`| \`${t.id}\` | ${mdCell(t.title)} | ${cell}${mdCell(note)} |`);
  }
  return lines;
}

function detectorSection(d: Detector): string[] {
  const controls = controlsOf(d);
  const urls = d.references.filter((r) => !controls.includes(r));
  const rows: [string, string][] = [
    ['Severity', d.severity],
    ['ATT&CK', d.attack.map(techniqueText).join('<br>')],
    ['Tactics', tacticsOf(d).join(', ') || '—'],
    ['CIS / Security Hub controls', controls.length > 0 ? controls.join(', ') : '—'],
    ['Runbook', `[${d.runbook}](runbooks/${d.runbook}.md)`],
    ['Listens to', d.listensTo.map((k) => mdCell(keyText(k))).join('<br>')],
    ['Alerting', alerting(d)],
  ];
  if (urls.length > 0) rows.push(['References', urls.map((u) => `<${u}>`).join('<br>')]);
  return [
    `### ${d.id}`,
    '',
    `**${mdText(d.title)}**`,
    '',
    mdText(d.description),
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ];
}

/**
 * docs/detectors.md: an index, the CIS monitoring-controls and ATT&CK tactics
 * coverage tables, then one section per detector (severity, techniques,
 * controls, runbook, events listened to, alerting).
 */
export function catalogAsMarkdown(detectors: readonly Detector[]): string {
  const lines = [
    '# trailwatch detectors',
    '',
    `<!-- Generated by \`${DOCS_COMMAND}\` (trailwatch detectors --format markdown). ` +
      'Edit the detectors, not this file. -->',
    '',
    `${detectors.length} detectors: ${severityCounts(detectors)}. ` +
      'Write your own: [writing-detectors.md](writing-detectors.md).',
    '',
    '- [Index](#index)',
    '- [CIS monitoring controls](#cis-monitoring-controls)',
    '- [ATT&CK tactics](#attck-tactics)',
    '- [Stratus Red Team techniques](#stratus-red-team-techniques)',
    '- [Detectors](#detectors)',
    '',
    '## Index',
    '',
    ...indexTable(detectors),
    '',
    '## CIS monitoring controls',
    '',
    ...controlsTable(detectors),
    '',
    '## ATT&CK tactics',
    '',
    ...tacticsTable(detectors),
    '',
    '## Stratus Red Team techniques',
    '',
    ...stratusTable(detectors),
    '',
    '## Detectors',
    '',
    ...detectors.flatMap(detectorSection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A fixed-width table for a terminal. */
export function catalogAsTable(detectors: readonly Detector[]): string {
  const rows = detectors.map((d) => [d.severity, d.id, d.runbook, d.title]);
  const header = ['SEVERITY', 'DETECTOR', 'RUNBOOK', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[fmt(header), ...rows.map(fmt)].join('\n')}\n`;
}
