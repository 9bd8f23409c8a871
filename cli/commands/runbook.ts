import { Command } from 'commander';
import { getRunbook, RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { ParamError } from '../../runbooks/errors.js';
import { INPUT_PARAMS, normalizeParam } from '../../runbooks/params.js';
import { placeholderValues } from '../../runbooks/placeholders.js';
import { renderRunbookMarkdown } from '../../runbooks/render-markdown.js';
import { type CliIo, UsageError } from '../io.js';
import { parseChoice } from '../options.js';
import { windowTime } from '../time-arg.js';

const FORMATS = ['markdown', 'json'] as const;

const collect = (value: string, previous: string[]) => [...previous, value];

/** `trailwatch runbook [id]`: a runbook as Markdown (values filled from --param), or the list. */
export function runbookCommand(io: CliIo): Command {
  return new Command('runbook')
    .description('Print a runbook as Markdown, or list the runbooks')
    .argument('[id]', 'runbook id; without it, the list of runbooks')
    .option(
      '-p, --param <key=value>',
      `fill placeholders: ${RUNBOOK_PARAMS.join(', ')} (repeatable)`,
      collect,
      [],
    )
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'markdown')
    .addHelpText(
      'after',
      `
Every placeholder a --param names is filled: in the steps' commands ({bucket},
<START>, <END>, ...) and in the investigation commands. userName and roleName are
also read from a principal ARN. start and end take ISO-8601 times or a time before
now (24h, 7d). Values must pass the parameter's pattern; what is not given stays
<name> for you to fill.

Examples:
  trailwatch runbook
  trailwatch runbook s3-public-exposure --param bucket=amzn-s3-demo-bucket --param account=111122223333
  trailwatch runbook credential-compromise --param principal=arn:aws:iam::111122223333:user/alice \\
    --param accessKeyId=AKIAIOSFODNN7EXAMPLE --param start=24h --param end=now --param region=us-east-1
`,
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
        renderRunbookMarkdown(runbook, {
          values: placeholderValues(parseValues(raw.param, Date.now())),
        }),
      );
    });
}

/** What `--param` may name: investigation parameters, and the IAM names steps use. */
const RUNBOOK_PARAMS = [...INPUT_PARAMS, 'userName', 'roleName'] as const;
const IAM_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;

function parseValues(pairs: readonly string[], now: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, Math.max(eq, 0));
    if (eq <= 0 || !(RUNBOOK_PARAMS as readonly string[]).includes(key)) {
      throw new UsageError(
        `--param takes key=value with key one of ${RUNBOOK_PARAMS.join(', ')} (got "${pair}")`,
      );
    }
    const raw = pair.slice(eq + 1);
    if (key === 'userName' || key === 'roleName') {
      if (!IAM_NAME.test(raw)) {
        throw new UsageError(`--param ${key} must be an IAM name (A-Z a-z 0-9 +=,.@_-, 1 to 64)`);
      }
      values[key] = raw;
      continue;
    }
    const value = key === 'start' || key === 'end' ? windowTime(`--param ${key}`, raw, now) : raw;
    try {
      values[key] = normalizeParam(key, value);
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
  }
  return values;
}
