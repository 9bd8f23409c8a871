import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildLambda, type LambdaBundle } from './build.js';
import { measure, type Tools } from './measure.js';
import { median } from './stats.js';

/** The handlers the CDK stack deploys, by bundle name. */
export const HANDLERS = [
  { name: 's3-sqs', entry: 'infra/handlers/s3-sqs.ts' },
  { name: 'eventbridge', entry: 'infra/handlers/eventbridge.ts' },
] as const;

/** The budget issue 8 sets for each bundle. */
export const BUNDLE_BUDGET_BYTES = 1_000_000;

export interface LambdaResult {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly withinBudget: boolean;
  readonly largest: LambdaBundle['largest'];
  /** Medians over runs, milliseconds since process start (`node -e 0` start-up included). */
  readonly initMs: number;
  readonly importMs: number;
  readonly firstInvokeMs: number;
  /** Whole process, spawn to exit. */
  readonly processMs: number;
  readonly rssMiB: number;
  readonly failed: number;
}

/**
 * Bundles each handler as the stack does (minified ESM, AWS SDK external: the runtime
 * provides it) and times a cold start in fresh processes: Node start-up, importing
 * the bundle (the SDK clients load from node_modules, as from the runtime), and a
 * first invocation that needs no network.
 */
export async function measureLambdas(
  root: string,
  outDir: string,
  initScript: string,
  runs: number,
  tools: Tools,
): Promise<{ readonly nodeStartMs: number; readonly bundles: LambdaResult[] }> {
  const empty: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await measure({ argv: [process.execPath, '-e', '0'], pin: false }, tools);
    empty.push(sample.wall * 1000);
  }
  const bundles: LambdaResult[] = [];
  for (const handler of HANDLERS) {
    const bundle = await buildLambda(root, handler.name, handler.entry, outDir);
    const samples = [];
    for (let i = 0; i < runs + 1; i++) {
      const argv = [process.execPath, initScript, '--bundle', bundle.path, '--kind', handler.name];
      // The SDK warns about Node 20 on stderr; Lambda runs a current Node.
      const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      const sample = await measure({ argv, pin: false, env }, tools);
      if (i > 0) samples.push(sample);
    }
    const ok = samples.filter((s) => s.exitCode === 0 && s.result !== undefined);
    const field = (name: string) => median(ok.map((s) => Number(s.result?.[name])));
    bundles.push({
      name: handler.name,
      bytes: bundle.bytes,
      gzipBytes: gzipSync(readFileSync(bundle.path)).length,
      withinBudget: bundle.bytes <= BUNDLE_BUDGET_BYTES,
      largest: bundle.largest,
      initMs: field('initMs'),
      importMs: field('importMs'),
      firstInvokeMs: field('firstInvokeMs'),
      processMs: median(ok.map((s) => s.wall * 1000)),
      rssMiB: median(ok.map((s) => s.rssMiB)),
      failed: samples.length - ok.length,
    });
  }
  return { nodeStartMs: median(empty), bundles };
}
