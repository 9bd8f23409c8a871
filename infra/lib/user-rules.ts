import { resolve } from 'node:path';
import type { Detector } from '../../detectors/types.js';
import { UserDetectorsFolderError } from '../../detectors/user/errors.js';
import { loadUserDetectors } from '../../detectors/user/load.js';
import { testDetectors } from '../../detectors/user/test-report.js';
import { ConfigError } from './config.js';

/** A user rule folder checked for deployment, as the `detectorsDir` context key names it. */
export interface UserRules {
  /** The folder, absolute. */
  readonly dir: string;
  /** Files that define detectors, absolute and sorted: what the functions bundle. */
  readonly files: readonly string[];
  /** Its detectors, sorted by id. */
  readonly detectors: readonly Detector[];
}

/**
 * Loads `dir` exactly as `trailwatch test-detectors --detectors <dir>` does and
 * refuses to deploy it unless that command would pass: every file loads, every
 * detector has fire and no-fire examples, and every example gives the expected
 * answer. A rule that cannot be shown to work would page on-call at random, or
 * never; `cdk synth` is the last place to find out cheaply.
 *
 * @throws ConfigError listing every problem, each with its file.
 */
export async function loadUserRules(dir: string, cwd = process.cwd()): Promise<UserRules> {
  const absolute = resolve(cwd, dir);
  let loaded: Awaited<ReturnType<typeof loadUserDetectors>>;
  try {
    loaded = await loadUserDetectors(absolute);
  } catch (cause) {
    if (!(cause instanceof UserDetectorsFolderError)) throw cause;
    throw new ConfigError(
      [`detectorsDir: "${dir}" ${cause.message.replace(/^--detectors \S+: /, 'is ')}`],
      {
        cause,
      },
    );
  }
  const problems = loaded.errors.map((error) => `detectorsDir: ${error.message}`);
  const report = testDetectors(
    loaded.detectors.map((detector) => ({
      detector,
      source: 'user' as const,
      ...(loaded.files.has(detector.id) ? { file: loaded.files.get(detector.id) } : {}),
    })),
    loaded.examples,
  );
  for (const result of report.detectors) {
    const where = `detectorsDir: ${result.file ?? dir}: ${result.id}`;
    for (const kind of result.missing) {
      problems.push(`${where}: has no ${kind === 'fire' ? 'fire' : 'no-fire'} example`);
    }
    for (const outcome of result.outcomes) {
      if (!outcome.passed)
        problems.push(`${where}: example "${outcome.name}" failed: ${outcome.reason}`);
    }
    for (const crash of result.crashes) {
      problems.push(
        `${where}: throws on example "${crash.example}" ${crash.variant}: ${crash.error}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new ConfigError([
      ...problems,
      `detectorsDir: run \`npx --no trailwatch test-detectors --detectors ${dir}\` to see the details`,
    ]);
  }
  return {
    dir: absolute,
    files: [...new Set(loaded.files.values())].sort(),
    detectors: loaded.detectors,
  };
}
