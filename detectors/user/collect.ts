import type { Detector, DetectorExamples } from '../types.js';
import { UserDetectorError } from './errors.js';
import { issuesText, UserDetectorSchema } from './schema.js';
import type { UserDetector } from './types.js';

/** One imported rule file: its path (for messages) and its module namespace. */
export interface RuleModule {
  readonly file: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

/**
 * What the rule modules seen so far yielded. Shared by the CLI's folder loader,
 * which imports files at run time, and the Lambda handlers, whose rule modules
 * esbuild bundled in: both validate the same way.
 */
export interface CollectedDetectors {
  readonly byId: Map<string, Detector>;
  /** Detector id to the file that defined it. */
  readonly files: Map<string, string>;
  /** Inline `examples` by detector id. */
  readonly examples: Map<string, DetectorExamples>;
  /** Ids of every detector-shaped export, valid or not: their examples files are not orphans. */
  readonly attempted: Set<string>;
  readonly errors: UserDetectorError[];
}

export function emptyCollection(): CollectedDetectors {
  return {
    byId: new Map(),
    files: new Map(),
    examples: new Map(),
    attempted: new Set(),
    errors: [],
  };
}

/** Enough of a detector to be meant as one: helper constants and functions are not. */
function meantAsDetector(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ('match' in value || 'listensTo' in value)
  );
}

interface Candidate {
  readonly exportName: string;
  readonly value: Record<string, unknown>;
}

/** Every exported detector (named, default, or inside an exported array), each object once. */
function candidatesOf(mod: Readonly<Record<string, unknown>>): Candidate[] {
  const seen = new Set<unknown>();
  const found: Candidate[] = [];
  const add = (exportName: string, value: unknown) => {
    if (!meantAsDetector(value) || seen.has(value)) return;
    seen.add(value);
    found.push({ exportName, value });
  };
  for (const [name, value] of Object.entries(mod)) {
    if (!Array.isArray(value)) add(name, value);
    else for (const [i, v] of value.entries()) add(`${name}[${i}]`, v);
  }
  return found;
}

export function examplesOf(parsed: { fire?: unknown[]; noFire?: unknown[] }): DetectorExamples {
  return {
    fire: (parsed.fire ?? []) as DetectorExamples['fire'],
    noFire: (parsed.noFire ?? []) as DetectorExamples['noFire'],
  };
}

/**
 * Adds the detectors one rule module exports to `into`, or the reasons they are
 * refused: not a detector shape, an id taken by a built-in (`reserved`) or by an
 * earlier file. One bad export never hides the others.
 */
export function collectModule(
  { file, exports }: RuleModule,
  reserved: ReadonlySet<string>,
  into: CollectedDetectors,
): void {
  const candidates = candidatesOf(exports);
  if (candidates.length === 0) {
    into.errors.push(
      new UserDetectorError(
        file,
        'exports no detector (an object with id, listensTo and match); ' +
          'shared helpers belong in files or folders starting with "_"',
      ),
    );
    return;
  }
  for (const { exportName, value } of candidates) {
    if (typeof value.id === 'string') into.attempted.add(value.id);
    const parsed = UserDetectorSchema.safeParse(value);
    if (!parsed.success) {
      into.errors.push(
        new UserDetectorError(file, `export ${exportName}: ${issuesText(parsed.error)}`, {
          cause: parsed.error,
        }),
      );
      continue;
    }
    const detector = value as unknown as UserDetector;
    const id = parsed.data.id;
    if (reserved.has(id)) {
      into.errors.push(new UserDetectorError(file, `id "${id}" is already a built-in detector`));
      continue;
    }
    const earlier = into.files.get(id);
    if (earlier !== undefined) {
      into.errors.push(new UserDetectorError(file, `id "${id}" is already defined in ${earlier}`));
      continue;
    }
    into.byId.set(id, detector);
    into.files.set(id, file);
    if (parsed.data.examples) into.examples.set(id, examplesOf(parsed.data.examples));
  }
}

/** The valid detectors of `collected`, sorted by id. */
export function sortedDetectors(collected: CollectedDetectors): Detector[] {
  return [...collected.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
