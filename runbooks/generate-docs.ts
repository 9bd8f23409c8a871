import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNBOOK_LIST } from './catalog.js';
import { renderRunbookMarkdown } from './render-markdown.js';

/**
 * docs/runbooks/ is generated from the runbook records; a test fails when the
 * committed files differ. Run: npx tsx runbooks/generate-docs.ts
 */

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'runbooks');

const BANNER = (source: string) =>
  `<!-- Generated from ${source} by \`npm run runbooks:docs\`. Edit the source, not this file. -->\n\n`;

/** File name -> content of every generated page. */
export function generatedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const runbook of RUNBOOK_LIST) {
    files.set(
      `${runbook.id}.md`,
      BANNER(`runbooks/data/${runbook.id}.ts`) + renderRunbookMarkdown(runbook),
    );
  }
  const index = [
    '# Runbooks',
    '',
    'Incident-response runbooks for trailwatch alerts. Each has triage, containment, ' +
      'eradication, recovery and post-incident steps, and investigation queries that run on ' +
      'Athena and on local logs (`trailwatch investigate`).',
    '',
    '| Runbook | Detectors | Queries |',
    '| --- | --- | --- |',
    ...RUNBOOK_LIST.map(
      (r) =>
        `| [${r.title}](${r.id}.md) | ${r.detectors.map((d) => `\`${d}\``).join(', ') || '—'} | ${r.queries.length} |`,
    ),
    '',
  ].join('\n');
  files.set('README.md', BANNER('runbooks/catalog.ts') + index);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(DOCS_DIR, { recursive: true });
  for (const [name, content] of generatedDocs()) writeFileSync(join(DOCS_DIR, name), content);
}
