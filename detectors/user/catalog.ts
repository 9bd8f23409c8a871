import { BUILTIN_DETECTORS } from '../catalog.js';
import type { Detector } from '../types.js';
import { UserDetectorsLoadError } from './errors.js';
import { loadUserDetectors } from './load.js';

/**
 * The detectors a command runs: the built-in catalog, plus the user folder's
 * detectors when one is given, sorted by id. All or nothing: when any user file
 * has a problem this throws, so a scan never runs quietly without a rule the
 * operator asked for.
 *
 * @throws UserDetectorsFolderError when `dir` is not a folder.
 * @throws UserDetectorsLoadError listing every problem (file and reason).
 */
export async function loadDetectorCatalog(dir: string | undefined): Promise<readonly Detector[]> {
  if (dir === undefined) return BUILTIN_DETECTORS;
  const user = await loadUserDetectors(dir);
  if (user.errors.length > 0) throw new UserDetectorsLoadError(user.errors);
  return [...BUILTIN_DETECTORS, ...user.detectors].sort((a, b) => a.id.localeCompare(b.id));
}
