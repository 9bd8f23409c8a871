import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_DETECTORS } from '../catalog.js';
import type { Detector, DetectorExamples } from '../types.js';
import { collectModule, emptyCollection, examplesOf, sortedDetectors } from './collect.js';
import { UserDetectorError, UserDetectorsFolderError } from './errors.js';
import { exampleFileId, listRuleFiles } from './files.js';
import { DetectorExamplesSchema, issuesText } from './schema.js';

/** What a user rule folder yielded. Problems are listed, never thrown: one bad file spoils nothing else. */
export interface UserDetectors {
  /** Valid detectors, sorted by id. */
  readonly detectors: readonly Detector[];
  /** Examples by detector id, from `<id>.examples.*` files or inline `examples`. */
  readonly examples: ReadonlyMap<string, DetectorExamples>;
  /** Each problem names the file and the reason. */
  readonly errors: readonly UserDetectorError[];
  /** Detector id to the file that defined it. */
  readonly files: ReadonlyMap<string, string>;
}

export interface LoadUserDetectorsOptions {
  /** Ids user detectors may not take. Defaults to the built-in detector ids. */
  readonly reservedIds?: Iterable<string>;
}

const MAX_REASON = 400;

/** An import failure in one line: esbuild reports syntax errors over several. */
function importFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}...` : line;
}

async function importFile(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
}

/**
 * Loads user-written detectors from a folder (`trailwatch scan --detectors
 * ./rules`). Every `.ts`, `.mts`, `.js` and `.mjs` file (recursively; names
 * starting with `.` or `_` skipped) is imported and may export one or more
 * detectors. `<id>.examples.*` files export `examples` for detector `<id>`.
 * Each detector is checked against {@link UserDetectorSchema}; its id may not
 * collide with a built-in detector or another user detector.
 *
 * TypeScript files load through tsx, which the CLI registers at start-up.
 *
 * @throws UserDetectorsFolderError when `dir` does not exist or is not a folder.
 */
export async function loadUserDetectors(
  dir: string,
  options: LoadUserDetectorsOptions = {},
): Promise<UserDetectors> {
  const info = await stat(dir).catch((cause: unknown) => {
    throw new UserDetectorsFolderError(dir, 'no such folder', { cause });
  });
  if (!info.isDirectory()) throw new UserDetectorsFolderError(dir, 'not a folder');

  const reserved = new Set(options.reservedIds ?? BUILTIN_DETECTORS.map((d) => d.id));
  const { detectorFiles, exampleFiles } = await listRuleFiles(dir);
  const collected = emptyCollection();
  const { byId, files, examples, attempted, errors } = collected;

  if (detectorFiles.length === 0) {
    errors.push(new UserDetectorError(dir, 'holds no detector files (.ts, .mts, .js, .mjs)'));
  }

  for (const file of detectorFiles) {
    let mod: Record<string, unknown>;
    try {
      mod = await importFile(file);
    } catch (cause) {
      errors.push(
        new UserDetectorError(file, `cannot be loaded: ${importFailure(cause)}`, { cause }),
      );
      continue;
    }
    collectModule({ file, exports: mod }, reserved, collected);
  }

  for (const file of exampleFiles) {
    const id = exampleFileId(file);
    if (!byId.has(id)) {
      if (!attempted.has(id)) {
        errors.push(
          new UserDetectorError(file, `holds examples for "${id}", which no file defines`),
        );
      }
      continue;
    }
    let mod: Record<string, unknown>;
    try {
      mod = await importFile(file);
    } catch (cause) {
      errors.push(
        new UserDetectorError(file, `cannot be loaded: ${importFailure(cause)}`, { cause }),
      );
      continue;
    }
    const exported = mod.examples ?? mod.default;
    if (exported === undefined) {
      errors.push(new UserDetectorError(file, 'does not export `examples`'));
      continue;
    }
    const parsed = DetectorExamplesSchema.safeParse(exported);
    if (!parsed.success) {
      errors.push(
        new UserDetectorError(file, `examples: ${issuesText(parsed.error)}`, {
          cause: parsed.error,
        }),
      );
      continue;
    }
    if (examples.has(id)) {
      errors.push(
        new UserDetectorError(
          file,
          `"${id}" also has inline examples in ${files.get(id)}; keep one of the two`,
        ),
      );
      continue;
    }
    examples.set(id, examplesOf(parsed.data));
  }

  return { detectors: sortedDetectors(collected), examples, errors, files };
}
