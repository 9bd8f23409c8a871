import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Module files a user folder may hold: TypeScript through tsx, or plain ES modules. */
const MODULE = /\.(ts|mts|js|mjs)$/;
const EXAMPLES = /\.examples\.(ts|mts|js|mjs)$/;
/** Never detectors: type declarations and test files. */
const NOT_A_RULE = /\.d\.m?ts$|\.(test|spec)\.(ts|mts|js|mjs)$/;

export interface RuleFiles {
  /** Files that must export detectors. */
  readonly detectorFiles: readonly string[];
  /** `<id>.examples.*` files, holding the examples of detector `<id>`. */
  readonly exampleFiles: readonly string[];
}

/** The detector id an examples file is for: its name before `.examples.<ext>`. */
export function exampleFileId(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(EXAMPLES, '');
}

/**
 * Lists a user rule folder, recursively so rules can be grouped in sub-folders
 * like the built-in families. Entries starting with `.` or `_` are skipped (so
 * shared helper modules go in `_lib/` or `_helpers.ts`), and so is `node_modules`.
 * Sorted, so load order and error order repeat.
 */
export async function listRuleFiles(dir: string): Promise<RuleFiles> {
  const detectorFiles: string[] = [];
  const exampleFiles: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      if (entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (!entry.isFile() || !MODULE.test(entry.name) || NOT_A_RULE.test(entry.name)) continue;
      else if (EXAMPLES.test(entry.name)) exampleFiles.push(path);
      else detectorFiles.push(path);
    }
  };
  await walk(dir);
  return { detectorFiles, exampleFiles };
}
