import { CLI_NAME } from './investigate-commands.js';
import type { FilterParam } from './params.js';
import { fillCommand, type PlaceholderValues, windowValue } from './placeholders.js';
import { PHASE_TITLES, PHASES, type Query, type Runbook, type Step } from './schema.js';
import { tablesRead } from './sql/tables.js';

/**
 * Renders a runbook as Markdown: the page alerts link to (docs/runbooks/<id>.md,
 * generated) and what `trailwatch runbook <id>` prints. Commands are shown with
 * `{name}` placeholders filled from `values` when given (see placeholders.ts),
 * else as `<name>`.
 */
export interface RenderOptions {
  readonly values?: PlaceholderValues;
}

export function renderRunbookMarkdown(runbook: Runbook, options: RenderOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${runbook.title}`, '', runbook.summary, '');
  out.push(`- **Runbook id:** \`${runbook.id}\``);
  const detectors = runbook.detectors.length
    ? runbook.detectors.map((d) => `\`${d}\``).join(', ')
    : 'none yet (raise it by hand, or from another tool’s finding)';
  out.push(`- **Detectors:** ${detectors}`, '');
  out.push('## Severity', '', '| Priority | When |', '| --- | --- |');
  for (const p of ['P1', 'P2', 'P3', 'P4'] as const) out.push(`| ${p} | ${runbook.severity[p]} |`);
  out.push('');
  for (const phase of PHASES) {
    out.push(`## ${PHASE_TITLES[phase]}`, '');
    runbook.phases[phase].forEach((step, i) => {
      out.push(...renderStep(step, i + 1, options.values));
    });
  }
  const { values } = options;
  const window = `--param start=${windowValue('start', values)} --param end=${windowValue('end', values)}`;
  out.push('## Investigation queries', '');
  out.push(
    'Every query runs unchanged on Athena and on local logs (DuckDB). In the SQL, `:name` ' +
      'marks a parameter: trailwatch checks its value against an allow-pattern, then binds it ' +
      '(DuckDB) or sends it as an Athena execution parameter (`?`). Run them all for a window ' +
      '(queries whose parameters you do not give are skipped):',
    '',
    '```sh',
    `${CLI_NAME} investigate ${runbook.id} ${window} ${paramFlags(allParams(runbook), values)}--logs <PATH...>`,
    `${CLI_NAME} investigate ${runbook.id} ${window} ${paramFlags(allParams(runbook), values)}--engine athena`,
    '```',
    '',
  );
  for (const query of runbook.queries) out.push(...renderQuery(runbook, query, window, values));
  out.push('## References', '', ...runbook.references.map((r) => `- ${r}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function renderStep(step: Step, n: number, values?: PlaceholderValues): string[] {
  const lines = [
    `${n}. **${step.title}**${step.approval ? ' _(needs approval: changes production)_' : ''}`,
  ];
  if (step.detail) lines.push(`   ${step.detail}`);
  if (step.command) lines.push('', '   ```sh', `   ${fillCommand(step.command, values)}`, '   ```');
  lines.push('');
  return lines;
}

function renderQuery(
  runbook: Runbook,
  query: Query,
  window: string,
  values?: PlaceholderValues,
): string[] {
  const tables = tablesRead(query.sql);
  const needs = tables.includes('s3_access_logs')
    ? ' Reads S3 server access logs (`s3_access_logs`).'
    : '';
  return [
    `### ${query.title} (\`${query.id}\`)`,
    '',
    `${query.description}${needs}`,
    '',
    '```sh',
    `${CLI_NAME} investigate ${runbook.id} --query ${query.id} ${window} ${paramFlags(query.params, values)}--logs <PATH...>`,
    '```',
    '',
    '```sql',
    query.sql,
    '```',
    '',
  ];
}

function allParams(runbook: Runbook): FilterParam[] {
  return [...new Set(runbook.queries.flatMap((q) => q.params))];
}

/** `--param name=value` per parameter, the value filled when given (shell-safe, see placeholders.ts). */
function paramFlags(names: readonly FilterParam[], values: PlaceholderValues = {}): string {
  return names.map((n) => `--param ${n}=${values[n] ?? `<${n}>`} `).join('');
}
