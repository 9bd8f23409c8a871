#!/usr/bin/env node
/**
 * Completes package-lock.json with the platform builds of native packages (biome,
 * DuckDB, ...) that the registry mirror of our build machines does not serve.
 *
 * Why: `npm install` leaves an optional dependency out of the lock when the
 * registry answers 404 for it, and `npm ci` then refuses the lock ("Missing: ...
 * from lock file"). An entry with the package's `os`/`cpu` is enough: npm skips a
 * non-matching optional package without fetching it, and on a machine that does
 * match (a Mac, Windows) npm fetches it from the registry as usual.
 *
 * Run after every `npm install` that changes dependencies: `npm run lock:platforms`.
 * test/project/lockfile.test.ts fails when an entry is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The os / cpu / libc a platform package is built for, read from its name. */
export function platformOf(name) {
  const n = name.toLowerCase();
  const os = ['darwin', 'win32', 'android', 'linux', 'freebsd', 'openbsd', 'sunos', 'aix'].find(
    (o) => n.includes(o),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64', 'arm'].find((c) =>
    n.includes(c),
  );
  const libc = os === 'linux' ? (n.includes('musl') ? 'musl' : 'glibc') : undefined;
  return { os, cpu, libc };
}

/** Optional dependencies named in the lock that have no entry of their own. */
export function missingPlatformEntries(lock) {
  const pkgs = lock.packages ?? {};
  const missing = [];
  for (const [key, entry] of Object.entries(pkgs)) {
    for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${key ? `${key}/` : ''}node_modules/${dep}`;
      if (pkgs[nested] || pkgs[`node_modules/${dep}`]) continue;
      const { os, cpu } = platformOf(dep);
      if (os && cpu) missing.push({ dep, version, dev: entry.dev === true });
    }
  }
  return missing;
}

function main(path) {
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const missing = missingPlatformEntries(lock);
  for (const { dep, version, dev } of missing) {
    const { os, cpu, libc } = platformOf(dep);
    lock.packages[`node_modules/${dep}`] = {
      version,
      cpu: [cpu],
      ...(dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      os: [os],
    };
  }
  const entries = Object.entries(lock.packages);
  lock.packages = Object.fromEntries([
    ...entries.filter(([k]) => k === ''),
    ...entries.filter(([k]) => k !== '').sort(([a], [b]) => a.localeCompare(b)),
  ]);
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`${path}: ${missing.length} platform entries added`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv[2] ?? 'package-lock.json');
