import { readFile } from 'node:fs/promises';
import { ZodError } from 'zod';
import { parseDetectorSettings } from '../detectors/settings.js';
import type { DetectorSettings } from '../detectors/types.js';
import { UsageError } from './io.js';

/**
 * Reads `--config`: a JSON file of detector settings. Every problem is reported
 * with the file name and the key at fault, so the user can fix it in one go.
 */
export async function loadSettings(path: string | undefined): Promise<DetectorSettings> {
  if (path === undefined) return parseDetectorSettings(undefined);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read config (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseDetectorSettings(json);
  } catch (error) {
    if (error instanceof ZodError) {
      const problems = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new UsageError(`${path}: invalid config\n  ${problems.join('\n  ')}`);
    }
    throw error;
  }
}
