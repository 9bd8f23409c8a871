import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { SEVERITIES } from '../../detectors/types.js';
import { RUNBOOKS } from '../../runbooks/catalog.js';

const detectorsDir = join(import.meta.dirname, '../../detectors');
// access-log/ and metrics/ hold detectors over other inputs, with their own catalogs and tests.
// semantics: the policy and address evaluation the detectors ask (no detectors in it).
const NOT_DETECTOR_FOLDERS = new Set([
  'helpers',
  'examples',
  'user',
  'access-log',
  'metrics',
  'semantics',
]);

/** Every `detectors/<family>/<id>.ts` file, as the layout promises one detector per file. */
function detectorFiles(): string[] {
  return readdirSync(detectorsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_DETECTOR_FOLDERS.has(d.name))
    .flatMap((d) =>
      readdirSync(join(detectorsDir, d.name))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.examples.ts'))
        .map((f) => basename(f, '.ts')),
    );
}

describe('Catalog: built-in detectors', () => {
  it('includes one detector per detector file, with the id equal to the file name', () => {
    const ids = BUILTIN_DETECTORS.map((d) => d.id).sort();
    expect(ids).toEqual(detectorFiles().sort());
  });

  it('has unique ids', () => {
    const ids = BUILTIN_DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(BUILTIN_DETECTORS.map((d) => [d.id, d] as const))(
    '%s has complete metadata',
    (_id, d) => {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.title.length).toBeGreaterThan(5);
      expect(d.description.length).toBeGreaterThan(20);
      expect(SEVERITIES).toContain(d.severity);
      expect(RUNBOOKS.has(d.runbook)).toBe(true);
      expect(d.attack.length).toBeGreaterThan(0);
      for (const t of d.attack) expect(t).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(d.dedupWindowSeconds).toBeGreaterThan(0);
      expect(d.listensTo.length).toBeGreaterThan(0);
      if (d.threshold) {
        expect(d.threshold.count).toBeGreaterThan(1);
        expect(d.threshold.windowSeconds).toBeGreaterThan(0);
      }
    },
  );
});
