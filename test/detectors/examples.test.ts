import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import { runExamples } from '../../detectors/examples/run.js';
import type { Detector } from '../../detectors/types.js';

const examples = await loadExampleFiles(BUILTIN_DETECTORS_DIR);
const withExamples = BUILTIN_DETECTORS.filter((d) => examples.has(d.id));

describe('Detector examples', () => {
  it('only names detectors that exist', () => {
    const ids = new Set(BUILTIN_DETECTORS.map((d) => d.id));
    expect([...examples.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(withExamples.map((d) => [d.id, d] as const))(
    '%s: fire and no-fire examples behave as labelled',
    (_id, detector: Detector) => {
      const set = examples.get(detector.id);
      expect(set?.fire.length).toBeGreaterThan(0);
      expect(set?.noFire.length).toBeGreaterThan(0);
      const failures = runExamples(detector, set ?? { fire: [], noFire: [] }).filter(
        (o) => !o.passed,
      );
      expect(failures).toEqual([]);
    },
  );
});
