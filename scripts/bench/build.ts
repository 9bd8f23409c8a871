import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

/** Lets CommonJS dependencies call require() inside an ESM bundle (as the CDK bundles do). */
const REQUIRE_BANNER =
  "import { createRequire as __benchRequire } from 'node:module';const require = __benchRequire(import.meta.url);";

/** Paths of the bundled programs the benchmark runs. */
export interface Programs {
  readonly baseline: string;
  readonly scan: string;
  readonly cli: string;
  readonly duckdb: string;
  readonly lambdaInit: string;
}

/**
 * Bundles the measured programs (and the scan worker, which `--jobs` loads from beside
 * the CLI) into plain JavaScript, so every Node row starts like `node -e 0` does:
 * timing the TypeScript loader at start-up would charge the scan for a development
 * convenience. The DuckDB binding stays external (native code), resolved from the
 * repository's node_modules.
 */
export async function buildPrograms(root: string, outDir: string): Promise<Programs> {
  linkPackages(root, dirname(outDir));
  mkdirSync(outDir, { recursive: true });
  // The output is ESM in .js files (the worker is loaded by that name).
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  const children = join(root, 'scripts', 'bench', 'children');
  await build({
    entryPoints: {
      baseline: join(children, 'baseline.ts'),
      scan: join(children, 'scan.ts'),
      cli: join(children, 'cli.ts'),
      duckdb: join(children, 'duckdb.ts'),
      'lambda-init': join(children, 'lambda-init.ts'),
      // parallel-scan.ts starts `./scan-worker.js` next to itself: the output is flat.
      'scan-worker': join(root, 'cli', 'scan-worker.ts'),
    },
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    external: ['@duckdb/*'],
    logLevel: 'error',
  });
  const at = (name: string) => join(outDir, `${name}.js`);
  return {
    baseline: at('baseline'),
    scan: at('scan'),
    cli: at('cli'),
    duckdb: at('duckdb'),
    lambdaInit: at('lambda-init'),
  };
}

/**
 * External packages (DuckDB's native binding, the AWS SDK a Lambda runtime provides)
 * resolve from the bundle's folder upwards: outside the repository, link its
 * node_modules into the data folder.
 */
export function linkPackages(root: string, data: string): void {
  const inside = !relative(root, data).startsWith('..');
  const link = join(data, 'node_modules');
  if (inside || existsSync(link)) return;
  mkdirSync(data, { recursive: true });
  symlinkSync(join(root, 'node_modules'), link, 'dir');
}

/** One Lambda handler bundle as the CDK stack builds it (minified ESM, SDK external). */
export interface LambdaBundle {
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
  /** The largest inputs by bytes in the output, for the report. */
  readonly largest: readonly { readonly input: string; readonly bytes: number }[];
}

export async function buildLambda(
  root: string,
  name: string,
  entry: string,
  outDir: string,
): Promise<LambdaBundle> {
  const path = join(outDir, name, 'index.mjs');
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: path,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    external: ['@aws-sdk/*', '@smithy/*'],
    metafile: true,
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([input, info]) => ({ input, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { name, path, bytes: output?.bytes ?? 0, largest: groupByPackage(inputs).slice(0, 5) };
}

/** Sums node_modules inputs per package, so the report names dependencies, not files. */
function groupByPackage(
  inputs: readonly { input: string; bytes: number }[],
): { input: string; bytes: number }[] {
  const sums = new Map<string, number>();
  for (const { input, bytes } of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = m ? (m[1] as string) : input.split('/').slice(0, 1).join('/');
    sums.set(key, (sums.get(key) ?? 0) + bytes);
  }
  return [...sums].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
}
