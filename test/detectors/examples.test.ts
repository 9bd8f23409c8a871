import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import { runExamples } from '../../detectors/examples/run.js';
import type { Detector } from '../../detectors/types.js';
import { oddInputCrashes } from '../../detectors/user/odd-input.js';

const examples = await loadExampleFiles(BUILTIN_DETECTORS_DIR);

/**
 * The CI gate of issue 3: a detector ships with both kinds of examples, or the
 * build fails. `trailwatch test-detectors` applies the same rule to user detectors.
 */
describe('Detector examples', () => {
  it('only names detectors that exist', () => {
    const ids = new Set(BUILTIN_DETECTORS.map((d) => d.id));
    expect([...examples.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('exist for every built-in detector, with at least one fire and one no-fire case', () => {
    const incomplete = BUILTIN_DETECTORS.filter((d) => {
      const set = examples.get(d.id);
      return !set || set.fire.length === 0 || set.noFire.length === 0;
    }).map((d) => d.id);

    expect(incomplete).toEqual([]);
  });

  it.each(BUILTIN_DETECTORS.map((d) => [d.id, d] as const))(
    '%s: fire and no-fire examples behave as labelled',
    (_id, detector: Detector) => {
      const failures = runExamples(
        detector,
        examples.get(detector.id) ?? { fire: [], noFire: [] },
      ).filter((o) => !o.passed);
      expect(failures).toEqual([]);
    },
  );

  it.each(BUILTIN_DETECTORS.map((d) => [d.id, d] as const))(
    '%s: survives damaged copies of its example events',
    (_id, detector: Detector) => {
      const set = examples.get(detector.id) ?? { fire: [], noFire: [] };
      expect(oddInputCrashes(detector, set)).toEqual([]);
    },
  );
});
