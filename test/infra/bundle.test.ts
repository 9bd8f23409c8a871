import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createTrailwatchStack } from '../../infra/lib/trailwatch-app.js';
import { resourcesOf } from './support.js';

/** Fails the build before a dependency quietly doubles cold starts; raise it deliberately. */
const BUNDLE_BUDGET_BYTES = 1_500_000;

/** Never in a Lambda: the CLI's engine and dev tools, and the SDK the runtime provides. */
const FORBIDDEN = [
  /node_modules\/(@duckdb|duckdb|vitest|@vitest|commander|aws-cdk-lib|aws-cdk|constructs|cdk-nag|esbuild|typescript|tsx)\//,
  /node_modules\/(@aws-sdk|@smithy)\//,
  /(^|\/)(test|cli|scripts)\//,
];

// The one test that bundles the real handlers with esbuild, as `cdk synth` does (no Docker).
describe('Detector function bundles', { timeout: 180_000 }, () => {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
  const app = new App({ context: cdkJson.context });
  const stack = createTrailwatchStack(app);
  const assembly = app.synth();
  const functions = resourcesOf(Template.fromStack(stack), 'AWS::Lambda::Function');
  const bundles = Object.entries(functions).map(([id, fn]) => {
    const hash = String(fn.Properties?.Code.S3Key).replace(/\.zip$/, '');
    const dir = join(assembly.directory, `asset.${hash}`);
    const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as {
      sources: string[];
    };
    return { id, dir, sources: map.sources };
  });

  it('produces one ESM bundle with a source map per function', () => {
    expect(bundles).toHaveLength(3);
    for (const { dir } of bundles) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
      expect(code).not.toMatch(/\bmodule\.exports\s*=/);
    }
  });

  it('bundles the shared pipeline but no SDK, CLI engine or dev tool', () => {
    for (const { id, sources } of bundles) {
      // The spike detector judges metrics, not events: its pipeline is the metrics model.
      const core = id.startsWith('DetectorsMetrics')
        ? 'detectors/metrics/evaluate.ts'
        : 'detectors/engine.ts';
      expect(
        sources.some((s) => s.includes(core)),
        id,
      ).toBe(true);
      expect(
        sources.some((s) => s.includes('alerting/aggregator.ts')),
        id,
      ).toBe(true);
      expect(
        sources.filter((s) => FORBIDDEN.some((pattern) => pattern.test(s))),
        id,
      ).toEqual([]);
    }
  });

  it('stays under the size budget', () => {
    for (const { id, dir } of bundles) {
      expect(statSync(join(dir, 'index.mjs')).size, id).toBeLessThan(BUNDLE_BUDGET_BYTES);
    }
  });
});
