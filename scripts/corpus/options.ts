/** What the generator is asked to make. The CLI parses into this; tests build it directly. */
export interface CorpusOptions {
  /** Output directory. */
  readonly out: string;
  /** Records across the S3 log files, seeded ones included. */
  readonly events: number;
  /** S3 log files. */
  readonly files: number;
  readonly seed: string;
  /** Seed attack scenarios (truth.json `attacks`). */
  readonly attacks: boolean;
  /** Seed benign look-alikes (truth.json `decoys`). */
  readonly decoys: boolean;
  readonly accounts: number;
  readonly regions: readonly string[];
  /** Keys under `AWSLogs/<o-org-id>/` as an organisation trail writes them. */
  readonly orgTrail: boolean;
  /** Also write a digest file, an EventBridge sample and a JSON Lines sample. */
  readonly extras: boolean;
  /** Start of the first delivery window, epoch milliseconds. */
  readonly start: number;
  /** Copies of each seeded scenario; default scales with the corpus (one per 125,000 events). */
  readonly repeats?: number;
}

/** The defaults make examples/ (as `npm run examples` does). */
export const DEFAULT_OPTIONS: CorpusOptions = {
  out: 'examples',
  events: 3000,
  files: 30,
  seed: 'trailwatch-examples',
  attacks: true,
  decoys: true,
  accounts: 3,
  regions: ['us-east-1', 'eu-west-1', 'us-west-2'],
  orgTrail: true,
  extras: true,
  start: Date.parse('2026-11-20T09:00:00Z'),
};

/** Thrown for options that cannot make a corpus; the message says which and why. */
export class CorpusOptionsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorpusOptionsError';
  }
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const MAX_EVENTS = 100_000_000;

/** Checks options before any file is written. */
export function validateOptions(options: CorpusOptions): void {
  const { events, files, accounts, regions } = options;
  if (!Number.isInteger(files) || files < 1 || files > 1_000_000) {
    throw new CorpusOptionsError(`--files must be an integer from 1 to 1000000, got ${files}`);
  }
  if (!Number.isInteger(events) || events < files || events > MAX_EVENTS) {
    throw new CorpusOptionsError(
      `--events must be an integer from --files (${files}) to ${MAX_EVENTS}, got ${events}`,
    );
  }
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 50) {
    throw new CorpusOptionsError(`--accounts must be an integer from 1 to 50, got ${accounts}`);
  }
  if (regions.length === 0) throw new CorpusOptionsError('--regions must name at least one region');
  for (const region of regions) {
    if (!REGION.test(region)) {
      throw new CorpusOptionsError(`--regions: "${region}" is not a region name like us-east-1`);
    }
  }
  if (new Set(regions).size !== regions.length) {
    throw new CorpusOptionsError('--regions lists a region twice');
  }
  if (options.seed.length === 0) throw new CorpusOptionsError('--seed must not be empty');
  if (!Number.isFinite(options.start)) throw new CorpusOptionsError('--start must be an ISO date');
  if (
    options.repeats !== undefined &&
    (!Number.isInteger(options.repeats) || options.repeats < 1)
  ) {
    throw new CorpusOptionsError(`--repeats must be a positive integer, got ${options.repeats}`);
  }
}

/** One copy of each scenario per 125,000 events, at least one. */
export function repeatsFor(options: CorpusOptions): number {
  return options.repeats ?? Math.max(1, Math.round(options.events / 125_000));
}
