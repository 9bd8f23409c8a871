import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from './background/index.js';
import type { Ctx } from './context.js';
import { ErrorInjector } from './errors.js';
import { type DigestSource, writeDigest, writeEventBridge, writeJsonLines } from './extras.js';
import { Mixer } from './mix.js';
import { type CorpusOptions, CorpusOptionsError, repeatsFor, validateOptions } from './options.js';
import { type PlannedFile, planCorpus } from './plan.js';
import { Rng } from './prng.js';
import { type Call, type JsonObject, toRecord } from './record.js';
import { ALL_SCENARIOS } from './scenarios/index.js';
import { type Truth, TruthBuilder } from './truth.js';
import { type Account, buildWorld, type World } from './world.js';
import { writeGzip, writeText } from './write.js';

/** Base failure rate of calls that can fail; with the error-prone templates this gives about 1.8 %. */
const BASE_ERROR_RATE = 0.028;

/** Paths the generator writes under the output directory (and `--clean` removes). */
export const GENERATED_PATHS = ['AWSLogs', 'eventbridge', 'jsonl', '.truth.json'] as const;

export interface CorpusSummary {
  readonly files: number;
  readonly events: number;
  readonly storedBytes: number;
  readonly uncompressedBytes: number;
  readonly attacks: number;
  readonly decoys: number;
  readonly truth: Truth;
}

/** Makes ordinary records: draws a template, builds the call, maybe fails it. */
class Background {
  constructor(
    private readonly world: World,
    private readonly mixer: Mixer,
    private readonly errors: ErrorInjector,
  ) {}

  make(
    rng: Rng,
    account: Account,
    region: string,
    time: number,
  ): { template: Template; record: JsonObject } {
    const template = this.mixer.draw(rng, account, region);
    const ctx: Ctx = { rng, world: this.world, account, region, time };
    const call: Call = {
      ...template.build(ctx),
      source: template.source,
      name: template.name,
      account,
      region,
      time,
    };
    this.errors.apply(rng, template, call);
    return { template, record: toRecord(rng, call) };
  }
}

/** Removes what an earlier run wrote, and nothing else. */
export function cleanOutput(out: string): void {
  for (const path of GENERATED_PATHS) rmSync(join(out, path), { recursive: true, force: true });
}

function refuseToMix(out: string): void {
  if (!existsSync(out)) return;
  const leftovers = readdirSync(out).filter((name) =>
    (GENERATED_PATHS as readonly string[]).includes(name),
  );
  if (leftovers.length > 0) {
    throw new CorpusOptionsError(
      `${out} already holds generated files (${leftovers.join(', ')}); pass --clean to replace them`,
    );
  }
}

/**
 * Writes a corpus: S3 log files one at a time (only one file's records are in
 * memory), then the extras and truth.json. Same options, same bytes.
 */
export function generateCorpus(options: CorpusOptions, clean = false): CorpusSummary {
  validateOptions(options);
  if (clean) cleanOutput(options.out);
  else refuseToMix(options.out);

  const root = new Rng(options.seed);
  const world = buildWorld(root.fork('world'), options.accounts, options.regions);
  const scenarios = ALL_SCENARIOS.filter((s) =>
    s.role === 'attack' ? options.attacks : options.decoys,
  );
  const plan = planCorpus(root.fork('plan'), {
    world,
    start: options.start,
    files: options.files,
    events: options.events,
    orgTrail: options.orgTrail,
    scenarios,
    repeats: repeatsFor(options),
  });
  const background = new Background(world, new Mixer(world), new ErrorInjector(BASE_ERROR_RATE));
  const truth = new TruthBuilder();
  const digestSources: DigestSource[] = [];
  let storedBytes = 0;
  let uncompressedBytes = 0;

  plan.forEach((file, index) => {
    const written = writeLogFile(
      root.fork(`file:${index}`),
      options.out,
      world,
      file,
      background,
      truth,
    );
    storedBytes += written.stored;
    uncompressedBytes += written.uncompressed;
    if (file.account === world.accounts[0] && file.region === world.globalRegion) {
      digestSources.push({ ...written.digest, deliveredAt: file.deliveredAt });
    }
  });

  if (options.extras) {
    const extrasRng = root.fork('extras');
    const digest = writeDigest(extrasRng, options.out, world, options.orgTrail, digestSources);
    if (digest) {
      truth.addFile(digest, 0);
      truth.addExtra('digest', { file: digest.key, events: 0 });
    }
    const lastWindow = Math.max(...plan.map((f) => f.windowEnd));
    const input = {
      rng: extrasRng,
      outDir: options.out,
      world,
      after: lastWindow,
      attacks: options.attacks,
      decoys: options.decoys,
      background: (rng: Rng, account: Account, region: string, time: number) =>
        background.make(rng, account, region, time).record,
      truth,
    };
    writeEventBridge(input);
    writeJsonLines(input);
  }

  const result = truth.build({
    generator: 'trailwatch scripts/generate-corpus.ts',
    seed: options.seed,
    options: {
      events: options.events,
      files: options.files,
      accounts: options.accounts,
      regions: [...options.regions],
      orgTrail: options.orgTrail,
      attacks: options.attacks,
      decoys: options.decoys,
      extras: options.extras,
      repeats: repeatsFor(options),
      start: new Date(options.start).toISOString(),
    },
    organization: {
      orgId: world.orgId,
      accounts: world.accounts.map((a) => ({ id: a.id, alias: a.alias })),
      regions: [...world.regions],
      globalRegion: world.globalRegion,
      trail: world.trailArn,
      trailBucket: world.trailBucket,
      outsideAccounts: {
        layerPublisher: world.foreignAccount,
        monitoringVendor: world.partnerAccount,
      },
    },
  });
  writeText(options.out, '.truth.json', `${JSON.stringify(result, null, 2)}\n`);
  return {
    files: plan.length,
    events: result.events,
    storedBytes,
    uncompressedBytes,
    attacks: result.attacks.length,
    decoys: result.decoys.length,
    truth: result,
  };
}

interface LogFileResult {
  readonly stored: number;
  readonly uncompressed: number;
  readonly digest: Omit<DigestSource, 'deliveredAt'>;
}

function writeLogFile(
  rng: Rng,
  out: string,
  world: World,
  file: PlannedFile,
  background: Background,
  truth: TruthBuilder,
): LogFileResult {
  const seededCount = file.placements.reduce((n, p) => n + p.scenario.size, 0);
  const span = file.windowEnd - file.windowStart;
  const records: string[] = [];
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < file.events - seededCount; i++) {
    const time = file.windowStart + Math.floor(rng.next() * span);
    const { template, record } = background.make(rng, file.account, file.region, time);
    truth.count(template.source, template.name);
    records.push(JSON.stringify(record));
    if (time < oldest) oldest = time;
    if (time > newest) newest = time;
  }
  for (const placement of file.placements) {
    const ctx = {
      rng,
      world,
      account: file.account,
      region: file.region,
      time: placement.start,
      repeat: placement.repeat,
    };
    const seeded = placement.scenario.build(ctx);
    truth.addSeeded(placement.scenario, seeded, file.key);
    for (const record of seeded) {
      truth.count(String(record.eventSource), String(record.eventName));
      const time = Date.parse(String(record.eventTime));
      if (time < oldest) oldest = time;
      if (time > newest) newest = time;
      records.splice(rng.int(0, records.length), 0, JSON.stringify(record));
    }
  }
  const written = writeGzip(out, file.key, `{"Records":[${records.join(',')}]}`);
  truth.addLogFile(written, records.length);
  return {
    stored: written.stored,
    uncompressed: written.uncompressed,
    digest: { key: file.key, sha256: written.sha256, oldest, newest },
  };
}
