import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { loadDetectorCatalog } from '../../../detectors/user/catalog.js';
import { UserDetectorsLoadError } from '../../../detectors/user/errors.js';
import { detectorSource, removeRuleFolders, ruleFolder } from './rule-folder.js';

afterAll(removeRuleFolders);

describe('Function: loadDetectorCatalog', () => {
  it('is the built-in catalog without a folder', async () => {
    expect(await loadDetectorCatalog(undefined)).toBe(BUILTIN_DETECTORS);
  });

  it('adds the user detectors, sorted in among the built-ins', async () => {
    const dir = ruleFolder({ 'a.ts': `export const a = ${detectorSource('break-glass')};` });

    const ids = (await loadDetectorCatalog(dir)).map((d) => d.id);

    expect(ids).toHaveLength(BUILTIN_DETECTORS.length + 1);
    expect(ids).toContain('break-glass');
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses to run with a broken user file, naming it', async () => {
    const dir = ruleFolder({
      'good.ts': `export const a = ${detectorSource('good')};`,
      'bad.ts': 'export const b = {',
    });

    const error = await loadDetectorCatalog(dir).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserDetectorsLoadError);
    expect((error as UserDetectorsLoadError).errors).toHaveLength(1);
    expect((error as Error).message).toContain(`${join(dir, 'bad.ts')}: cannot be loaded`);
  });
});
