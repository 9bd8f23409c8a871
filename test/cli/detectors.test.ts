import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { removeRuleFolders, ruleFolder } from '../detectors/user/rule-folder.js';

afterAll(removeRuleFolders);

const SAMPLE_RULES = join(import.meta.dirname, '../../sample-rules');

async function run(...argv: string[]) {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks[key] += String(chunk);
        done();
      },
    });
  const code = await main(argv, { stdout: sink('out'), stderr: sink('err') });
  return { code, ...chunks };
}

describe('Command: trailwatch detectors', () => {
  it('lists the built-in catalog as JSON, first-seen settings included', async () => {
    const { code, out } = await run('detectors', '--format', 'json');

    const listed = JSON.parse(out) as { id: string; firstSeen: unknown }[];
    expect(code).toBe(0);
    expect(listed.map((d) => d.id)).toEqual(BUILTIN_DETECTORS.map((d) => d.id));
    expect(listed.every((d) => d.firstSeen === null || typeof d.firstSeen === 'object')).toBe(true);
  });

  it('adds user detectors with --detectors', async () => {
    const { code, out } = await run('detectors', '--detectors', SAMPLE_RULES);

    expect(code).toBe(0);
    expect(out).toMatch(/^high {6}break-glass-role-used +credential-compromise +Break-glass role/m);
    expect(out.trimEnd().split('\n')).toHaveLength(BUILTIN_DETECTORS.length + 3);
  });

  it('documents user detectors in Markdown too', async () => {
    const { out } = await run('detectors', '--detectors', SAMPLE_RULES, '--format', 'markdown');

    expect(out).toContain('### break-glass-role-used');
    expect(out).toContain(`${BUILTIN_DETECTORS.length + 2} detectors:`);
  });

  it('exits 2 naming every problem when a user file is broken', async () => {
    const dir = ruleFolder({ 'bad.ts': 'export const x = {' });

    const { code, err, out } = await run('detectors', '--detectors', dir);

    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${join(dir, 'bad.ts')}: cannot be loaded`);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const { code, err } = await run('detectors', '--detectors', '/no/such/rules');

    expect(code).toBe(2);
    expect(err).toBe('trailwatch: --detectors /no/such/rules: no such folder\n');
  });
});
