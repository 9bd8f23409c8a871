import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every package a module pulls in, following relative imports (static and dynamic). */
function packagesReachableFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const spec = match[1] as string;
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else
        packages.add(
          spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split('/')[0] as string),
        );
    }
  };
  visit(join(ROOT, entry));
  return packages;
}

describe('what alerting (and so Lambda) imports from runbooks', () => {
  it.each([
    'runbooks/catalog.ts',
    'runbooks/investigate-commands.ts',
    'runbooks/render-markdown.ts',
  ])('%s never reaches DuckDB or the Athena client', (entry) => {
    const packages = packagesReachableFrom(entry);
    expect(
      [...packages].filter((p) => p.startsWith('@duckdb') || p.startsWith('@aws-sdk')),
    ).toEqual([]);
  });

  it('finds DuckDB where it is used, so the check can fail', () => {
    expect(packagesReachableFrom('runbooks/engines/duckdb-runner.ts').has('@duckdb/node-api')).toBe(
      true,
    );
  });
});
