import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DetectorExamples } from '../types.js';

/**
 * Finds `<id>.examples.ts` files under a folder (one level of family folders, or
 * flat) and imports them. Returns a map from detector id (the file name) to its
 * examples. Example files export `examples`.
 */
export async function loadExampleFiles(root: string): Promise<Map<string, DetectorExamples>> {
  const found = new Map<string, DetectorExamples>();
  const files = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.examples.ts'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { examples?: DetectorExamples };
    if (mod.examples) found.set(basename(file, '.examples.ts'), mod.examples);
  }
  return found;
}

/** The folder holding the built-in detectors. */
export const BUILTIN_DETECTORS_DIR = join(import.meta.dirname, '..');
