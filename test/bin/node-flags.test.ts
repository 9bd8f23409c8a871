import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { needsScanFlags, SCAN_NODE_FLAGS } from '../../bin/node-flags.mjs';
import { detectorSource, removeRuleFolders, ruleFolder } from '../detectors/user/rule-folder.js';

afterAll(removeRuleFolders);

const BIN = fileURLToPath(new URL('../../bin/trailwatch.mjs', import.meta.url));

describe('trailwatch start-up: V8 flags for the scan', () => {
  it('re-runs a scan started without a young-generation size, and nothing else', () => {
    expect(needsScanFlags(['scan', 'logs/'], [], {})).toBe(true);
    expect(needsScanFlags(['detectors'], [], {})).toBe(false);
    expect(needsScanFlags([], [], {})).toBe(false);
  });

  it('keeps a size the user chose, on the command line or in NODE_OPTIONS', () => {
    expect(needsScanFlags(['scan', 'x'], ['--max-semi-space-size=64'], {})).toBe(false);
    expect(
      needsScanFlags(['scan', 'x'], [], {
        NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=8',
      }),
    ).toBe(false);
    expect(needsScanFlags(['scan', 'x'], [], { TRAILWATCH_NODE_FLAGS: 'off' })).toBe(false);
  });

  it('passes the exit code and output of the re-run scan through', { timeout: 60_000 }, () => {
    // A missing path is a usage error (exit 2) reported by the child on stderr.
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [BIN, 'scan', '/no/such/path'], { stdio: 'pipe' });
    } catch (error) {
      const failed = error as { status: number; stderr: Buffer };
      status = failed.status;
      stderr = failed.stderr.toString();
    }
    expect(status).toBe(2);
    expect(stderr).toContain('/no/such/path');
  });

  it('scans in a node started with the flags, unless the user set their own', () => {
    // A rule file that reports the flags of the process that imports it.
    const rules = ruleFolder({
      'probe.mjs': `process.stderr.write('execArgv=' + JSON.stringify(process.execArgv) + '\\n');
export const probe = ${detectorSource('probe')};`,
    });
    const flagsSeen = (env: NodeJS.ProcessEnv) => {
      const run = spawnSync(process.execPath, [BIN, 'scan', rules, '--detectors', rules], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      return run.stderr.match(/execArgv=(.*)/)?.[1] ?? '';
    };

    expect(flagsSeen({ NODE_OPTIONS: '' })).toContain(SCAN_NODE_FLAGS[0]);
    expect(flagsSeen({ NODE_OPTIONS: '--max-semi-space-size=8' })).not.toContain(
      SCAN_NODE_FLAGS[0],
    );
    // Two CLI start-ups through tsx, one of them twice: slow on a loaded machine.
  }, 90_000);
});
