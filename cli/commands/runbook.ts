import { Command } from 'commander';
import { getRunbook, RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { ParamError } from '../../runbooks/errors.js';
import { INPUT_PARAMS, normalizeParam } from '../../runbooks/params.js';
import { placeholderValues } from '../../runbooks/placeholders.js';
import { renderRunbookMarkdown } from '../../runbooks/render-markdown.js';
import { type CliIo, UsageError } from '../io.js';
import { parseChoice } from '../options.js';

const FORMATS = ['markdown', 'json'] as const;

const collect = (value: string, previous: string[]) => [...previous, value];

/** `trailwatch runbook [id]`: a runbook as Markdown (values filled from --param), or the list. */
export function runbookCommand(io: CliIo): Command {
  return new Command('runbook')
    .description('Print a runbook as Markdown, or list the runbooks')
    .argument('[id]', 'runbook id; without it, the list of runbooks')
    .option(
      '-p, --param <key=value>',
      'fill command placeholders: principal, bucket, account, region, ... (repeatable)',
      collect,
      [],
    )
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'markdown')
    .addHelpText(
      'after',
      '\nExamples:\n  trailwatch runbook\n  trailwatch runbook s3-public-exposure --param bucket=amzn-s3-demo-bucket --param account=111122223333\n',
    )
    .action((id: string | undefined, raw: { param: string[]; format: string }) => {
      const format = parseChoice('--format', raw.format, FORMATS);
      if (id === undefined) {
        if (format === 'json') {
          io.stdout.write(
            `${JSON.stringify(
              RUNBOOK_LIST.map((r) => ({ id: r.id, title: r.title })),
              null,
              2,
            )}\n`,
          );
        } else {
          const width = Math.max(...RUNBOOK_LIST.map((r) => r.id.length));
          for (const r of RUNBOOK_LIST) io.stdout.write(`${r.id.padEnd(width)}  ${r.title}\n`);
        }
        return;
      }
      const runbook = getRunbook(id);
      if (!runbook) {
        throw new UsageError(
          `unknown runbook "${id}"; runbooks: ${RUNBOOK_LIST.map((r) => r.id).join(', ')}`,
        );
      }
      if (format === 'json') {
        io.stdout.write(`${JSON.stringify(runbook, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        renderRunbookMarkdown(runbook, { values: placeholderValues(parseValues(raw.param)) }),
      );
    });
}

function parseValues(pairs: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, Math.max(eq, 0));
    if (eq <= 0 || !(INPUT_PARAMS as readonly string[]).includes(key)) {
      throw new UsageError(
        `--param takes key=value with key one of ${INPUT_PARAMS.join(', ')} (got "${pair}")`,
      );
    }
    try {
      values[key] = normalizeParam(key, pair.slice(eq + 1));
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
  }
  return values;
}
