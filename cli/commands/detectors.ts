import { Command } from 'commander';
import {
  catalogAsMarkdown,
  catalogAsTable,
  describeDetector,
} from '../../detectors/catalog-render.js';
import type { Detector } from '../../detectors/types.js';
import { loadDetectorCatalog } from '../../detectors/user/catalog.js';
import { UserDetectorsFolderError, UserDetectorsLoadError } from '../../detectors/user/errors.js';
import { type CliIo, UsageError } from '../io.js';
import { parseChoice } from '../options.js';

const FORMATS = ['table', 'json', 'markdown'] as const;

/**
 * The built-in catalog plus a user folder's detectors. A folder that is missing
 * or holds a broken file is a usage error (exit 2), naming every problem.
 */
export async function detectorsForCli(dir: string | undefined): Promise<readonly Detector[]> {
  try {
    return await loadDetectorCatalog(dir);
  } catch (error) {
    if (error instanceof UserDetectorsFolderError || error instanceof UserDetectorsLoadError) {
      throw new UsageError(error.message, { cause: error });
    }
    throw error;
  }
}

/** `trailwatch detectors`: the catalog, for people (table), machines (json) and docs (markdown). */
export function detectorsCommand(io: CliIo): Command {
  return new Command('detectors')
    .description('List the detector catalog')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('-d, --detectors <dir>', 'include the user detectors in this folder')
    .addHelpText(
      'after',
      '\nExamples:\n  trailwatch detectors\n  trailwatch detectors --format markdown > docs/detectors.md\n' +
        '  trailwatch detectors --detectors ./rules --format json\n',
    )
    .action(async (opts: { format: string; detectors?: string }) => {
      const format = parseChoice('--format', opts.format, FORMATS);
      const detectors = await detectorsForCli(opts.detectors);
      if (format === 'json') {
        io.stdout.write(`${JSON.stringify(detectors.map(describeDetector), null, 2)}\n`);
      } else if (format === 'markdown') {
        io.stdout.write(catalogAsMarkdown(detectors));
      } else {
        io.stdout.write(catalogAsTable(detectors));
      }
    });
}
