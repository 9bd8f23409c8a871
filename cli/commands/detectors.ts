import { Command } from 'commander';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import {
  catalogAsMarkdown,
  catalogAsTable,
  describeDetector,
} from '../../detectors/catalog-render.js';
import type { CliIo } from '../io.js';
import { parseChoice } from '../options.js';

const FORMATS = ['table', 'json', 'markdown'] as const;

/** `trailwatch detectors`: the catalog, for people (table), machines (json) and docs (markdown). */
export function detectorsCommand(io: CliIo): Command {
  return new Command('detectors')
    .description('List the detector catalog')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  trailwatch detectors\n  trailwatch detectors --format markdown > docs/detectors.md\n',
    )
    .action((opts: { format: string }) => {
      const format = parseChoice('--format', opts.format, FORMATS);
      const detectors = BUILTIN_DETECTORS;
      if (format === 'json') {
        io.stdout.write(`${JSON.stringify(detectors.map(describeDetector), null, 2)}\n`);
      } else if (format === 'markdown') {
        io.stdout.write(catalogAsMarkdown(detectors));
      } else {
        io.stdout.write(catalogAsTable(detectors));
      }
    });
}
