import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExamples } from '../../../detectors/examples/run.js';
import { loadUserDetectors } from '../../../detectors/user/load.js';
import { examples as breakGlassExamples } from '../../../sample-rules/break-glass-role-used.examples.js';
// Static imports: the sample folder is outside tsconfig's include, so this is what typechecks it.
import { breakGlassRoleUsed } from '../../../sample-rules/break-glass-role-used.js';
import { examples as pipelineExamples } from '../../../sample-rules/iam-change-outside-pipeline.examples.js';
import { iamChangeOutsidePipeline } from '../../../sample-rules/iam-change-outside-pipeline.js';

const SAMPLE_RULES = join(import.meta.dirname, '../../../sample-rules');

describe('sample-rules/', () => {
  it('loads without problems, through the same loader users get', async () => {
    const result = await loadUserDetectors(SAMPLE_RULES);

    expect(result.errors).toEqual([]);
    expect(result.detectors).toEqual([breakGlassRoleUsed, iamChangeOutsidePipeline]);
    expect([...result.examples.keys()].sort()).toEqual([
      'break-glass-role-used',
      'iam-change-outside-pipeline',
    ]);
  });

  it.each([
    [breakGlassRoleUsed, breakGlassExamples],
    [iamChangeOutsidePipeline, pipelineExamples],
  ] as const)('%# has fire and no-fire examples that behave as labelled', (detector, examples) => {
    expect(examples.fire.length).toBeGreaterThan(0);
    expect(examples.noFire.length).toBeGreaterThan(0);
    expect(runExamples(detector, examples).filter((o) => !o.passed)).toEqual([]);
  });
});
