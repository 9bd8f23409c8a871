import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '../../scripts/corpus/options.js';
import { EXAMPLES_ARGS, main, parseArgs } from '../../scripts/generate-corpus.js';

describe('generate-corpus CLI', () => {
  let out: string;
  let stdout: string[];
  let stderr: string[];

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'trailwatch-cli-'));
    stdout = [];
    stderr = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(out, { recursive: true, force: true });
  });

  it('prints usage with --help and exits 0', () => {
    expect(main(['--help'])).toBe(0);
    expect(stdout.join('')).toContain('--events <n>');
    expect(stdout.join('')).toContain('--no-attacks');
  });

  it('exits 2 on a malformed number', () => {
    expect(main(['--events', 'many'])).toBe(2);
    expect(stderr.join('')).toContain('not an integer');
  });

  it('exits 2 and says what to change when the corpus is too small for the seeded events', () => {
    expect(main(['--out', out, '--events', '20', '--files', '2'])).toBe(2);
    expect(stderr.join('')).toContain('--events');
  });

  it('writes a corpus, then refuses to mix a second run into it unless --clean', () => {
    const args = [
      '--out',
      out,
      '--events',
      '300',
      '--files',
      '4',
      '--no-attacks',
      '--no-decoys',
      '--quiet',
    ];
    expect(main(args)).toBe(0);
    expect(existsSync(join(out, '.truth.json'))).toBe(true);
    expect(main(args)).toBe(2);
    expect(stderr.join('')).toContain('--clean');
    expect(main([...args, '--clean'])).toBe(0);
  });

  it('parses the npm run examples arguments to the default options', () => {
    const parsed = parseArgs(EXAMPLES_ARGS);
    expect(parsed).toEqual({
      options: { ...DEFAULT_OPTIONS, regions: [...DEFAULT_OPTIONS.regions] },
      clean: true,
      quiet: false,
    });
  });

  it('turns the negated flags and lists into options', () => {
    const parsed = parseArgs([
      '--no-attacks',
      '--no-decoys',
      '--no-org-trail',
      '--no-extras',
      '--regions',
      'eu-central-1, ap-southeast-2',
      '--events',
      '1_000_000',
    ]);
    expect(parsed).toMatchObject({
      options: {
        attacks: false,
        decoys: false,
        orgTrail: false,
        extras: false,
        regions: ['eu-central-1', 'ap-southeast-2'],
        events: 1_000_000,
      },
    });
  });
});
