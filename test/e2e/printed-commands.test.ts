import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedDocs } from '../../runbooks/generate-docs.js';
import { investigateCommands } from '../../runbooks/investigate-commands.js';
import { FIXTURE_LOGS, WINDOW } from '../runbooks/fixture-params.js';

/**
 * The investigation commands alerts print, run as a responder runs them: pasted
 * into a shell. They must run the installed trailwatch, and never fetch one: plain
 * `npx trailwatch` outside a clone installs whatever the public registry holds under
 * that name, without asking when stdin is not a terminal.
 */
const root = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'trailwatch-printed-commands-'));

/** The environment of a shell with its own npm cache and config: nothing from this machine decides. */
function shellEnv(name: string, registry: string): NodeJS.ProcessEnv {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'npmrc'), '');
  writeFileSync(join(dir, 'global-npmrc'), '');
  const inherited = Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key));
  return {
    ...Object.fromEntries(inherited),
    npm_config_userconfig: join(dir, 'npmrc'),
    npm_config_globalconfig: join(dir, 'global-npmrc'),
    npm_config_cache: join(dir, 'cache'),
    npm_config_prefix: join(dir, 'prefix'),
    npm_config_registry: registry,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    TRAILWATCH_TEST_MARKER: join(dir, 'marker'),
  };
}

/** Runs `command` through /bin/sh, stdin not a terminal (as when a script or tool runs it). */
async function shell(command: string, cwd: string, env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await execFileAsync('/bin/sh', ['-c', command], {
      cwd,
      env,
      timeout: 100_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * A registry on loopback serving one package named `trailwatch`, as a squatter
 * would publish it: its bin writes the file named by TRAILWATCH_TEST_MARKER.
 */
async function squattedRegistry() {
  const dir = join(scratch, 'registry');
  mkdirSync(join(dir, 'package'), { recursive: true });
  writeFileSync(
    join(dir, 'package/package.json'),
    JSON.stringify({ name: 'trailwatch', version: '9.9.9', bin: { trailwatch: 'bin.js' } }),
  );
  writeFileSync(
    join(dir, 'package/bin.js'),
    "#!/usr/bin/env node\nrequire('node:fs').writeFileSync(process.env.TRAILWATCH_TEST_MARKER, 'registry code ran');\n",
    { mode: 0o755 },
  );
  const tarballPath = join(dir, 'trailwatch-9.9.9.tgz');
  execFileSync('tar', ['-czf', tarballPath, '-C', dir, 'package']);
  const tarball = readFileSync(tarballPath);
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  let tarballRequests = 0;
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/trailwatch') {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          name: 'trailwatch',
          'dist-tags': { latest: '9.9.9' },
          versions: {
            '9.9.9': {
              name: 'trailwatch',
              version: '9.9.9',
              bin: { trailwatch: 'bin.js' },
              dist: { tarball: `${base}/trailwatch/-/trailwatch-9.9.9.tgz`, integrity },
            },
          },
        }),
      );
    } else if (request.url === '/trailwatch/-/trailwatch-9.9.9.tgz') {
      tarballRequests += 1;
      response.end(tarball);
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    tarballRequests: () => tarballRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Nothing listens on port 9 (discard): any registry request from npm fails loudly. */
const NO_REGISTRY = 'http://127.0.0.1:9/';

let closeRegistry: (() => Promise<void>) | undefined;
afterAll(async () => {
  await closeRegistry?.();
  rmSync(scratch, { recursive: true, force: true });
});

describe('printed investigation commands', () => {
  it('run through a shell from a clone, exactly as printed, without the registry', {
    timeout: 120_000,
  }, async () => {
    const [printed] = investigateCommands(
      's3-data-destruction',
      { ...WINDOW, bucket: 'acme-prod-data' },
      { engine: 'duckdb', paths: [FIXTURE_LOGS] },
    );

    const result = await shell(printed?.command ?? 'false', root, shellEnv('clone', NO_REGISTRY));

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('PutBucketVersioning');
  });

  it('never install a trailwatch from the registry outside a clone', {
    timeout: 120_000,
  }, async () => {
    const registry = await squattedRegistry();
    closeRegistry = registry.close;
    const elsewhere = mkdtempSync(join(scratch, 'elsewhere-'));
    const [printed] = investigateCommands('kms-key-loss', WINDOW, { engine: 'athena' });
    // The harness itself: plain npx does install and run the squatted package here.
    const control = shellEnv('control', registry.url);
    const plain = await shell('npx trailwatch investigate x', elsewhere, control);
    expect(plain.code).toBe(0);
    expect(existsSync(control.TRAILWATCH_TEST_MARKER as string)).toBe(true);
    const tarballsForControl = registry.tarballRequests();

    const env = shellEnv('printed', registry.url);
    const result = await shell(printed?.command ?? 'false', elsewhere, env);

    expect(result.code).not.toBe(0);
    expect(existsSync(env.TRAILWATCH_TEST_MARKER as string)).toBe(false);
    expect(registry.tarballRequests()).toBe(tarballsForControl);
  });
});

/**
 * `npx`/`npm exec` whose package is trailwatch, with the flags before it: a command
 * that fetches unless those flags hold `--no`.
 */
const NPX_TRAILWATCH =
  /\b(?:npx|npm\s+(?:exec|x))((?:\s+-[^\s`'"]*)*)\s+(?:--\s+)?trailwatch(?![\w-])/g;

function fetchingCommands(text: string): string[] {
  return [...text.matchAll(NPX_TRAILWATCH)]
    .filter((match) => !(match[1] ?? '').split(/\s+/).includes('--no'))
    .map((match) => match[0]);
}

/** Every source and hand-written doc file a command could be printed from. */
function shippedFiles(): string[] {
  const skipped = new Set(['node_modules', 'cdk.out', join('docs', 'runbooks')]);
  const files = ['README.md', join('examples', 'README.md')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name) && !skipped.has(path)) walk(path);
      } else if (/\.(?:ts|mts|mjs|js|md|json|ya?ml)$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  const dirs = ['alerting', 'bin', 'cli', 'detectors', 'docs', 'infra', 'ingest', 'runbooks'];
  for (const dir of [...dirs, 'sample-rules', 'scripts']) walk(dir);
  return files;
}

describe('commands in sources and docs', () => {
  it('recognises a command that would fetch trailwatch', () => {
    expect(
      fetchingCommands('npx trailwatch scan · npx -y trailwatch · `npm exec -- trailwatch x`'),
    ).toHaveLength(3);
    expect(
      fetchingCommands('npx --no trailwatch scan · npm exec --no -- trailwatch · npx tsx a.ts'),
    ).toEqual([]);
  });

  it('never print npx trailwatch without --no', () => {
    const found = shippedFiles().flatMap((file) =>
      fetchingCommands(readFileSync(join(root, file), 'utf8')).map((c) => `${file}: ${c}`),
    );
    // docs/runbooks is generated: judged by what the generator writes (test/runbooks/docs.test.ts
    // keeps the files equal to it).
    for (const [name, content] of generatedDocs()) {
      found.push(...fetchingCommands(content).map((c) => `docs/runbooks/${name}: ${c}`));
    }

    expect(found).toEqual([]);
  });
});
