import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../infra/lib/config.js';
import { loadDetectorConfig } from '../../../infra/lib/detector-config.js';
import { createTrailwatchStack } from '../../../infra/lib/trailwatch-app.js';
import { writeUserRuleEntries } from '../../../infra/lib/user-rule-entries.js';
import { loadUserRules } from '../../../infra/lib/user-rules.js';
import {
  detectorSource,
  EXAMPLES_SOURCE,
  removeRuleFolders,
  ruleFolder,
} from '../../detectors/user/rule-folder.js';
import { STUB_HANDLERS, testApp } from '../support.js';

afterAll(removeRuleFolders);

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe('detectorsDir: loading user detectors for deployment', () => {
  it('loads a folder whose detectors pass their examples', async () => {
    const dir = ruleFolder({
      'break-glass.ts': `export const breakGlass = ${detectorSource('break-glass')};`,
      'break-glass.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    const rules = await loadUserRules(dir);

    expect(rules.dir).toBe(dir);
    expect(rules.files).toEqual([join(dir, 'break-glass.ts')]);
    expect(rules.detectors.map((d) => d.id)).toEqual(['break-glass']);
  });

  it('refuses a folder that does not exist, naming it', async () => {
    const problems = await problemsOf(loadUserRules('no-such-rules', tmpdir()));

    expect(problems).toEqual(['detectorsDir: "no-such-rules" is no such folder']);
  });

  it('refuses a detector whose examples fail or are missing, naming file, detector and example', async () => {
    // Prepare: the examples expect the opposite of what the detector does.
    const swapped = EXAMPLES_SOURCE.replace('fire:', 'x:')
      .replace('noFire:', 'fire:')
      .replace('x:', 'noFire:');
    const dir = ruleFolder({
      'break-glass.ts': `export const breakGlass = ${detectorSource('break-glass')};`,
      'break-glass.examples.ts': `export const examples = ${swapped};`,
      'no-examples.ts': `export const bare = ${detectorSource('bare')};`,
      'broken.ts': 'export const broken = { id: 42, listensTo: [] };',
    });

    // Act
    const problems = await problemsOf(loadUserRules(dir));

    // Assess
    const file = join(dir, 'break-glass.ts');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^detectorsDir: ${join(dir, 'broken.ts')}: export broken`),
        ),
        `detectorsDir: ${join(dir, 'no-examples.ts')}: bare: has no fire example`,
        `detectorsDir: ${join(dir, 'no-examples.ts')}: bare: has no no-fire example`,
        expect.stringMatching(
          new RegExp(`^detectorsDir: ${file}: break-glass: example "ordinary role assumed" failed`),
        ),
        expect.stringMatching(
          new RegExp(`^detectorsDir: ${file}: break-glass: example "break-glass assumed" failed`),
        ),
      ]),
    );
    expect(problems.at(-1)).toContain('npx --no trailwatch test-detectors --detectors');
  });

  it('lets the config and alert subscriptions name user detectors only when the folder has them', async () => {
    // Prepare
    const dir = ruleFolder({
      'break-glass.ts': `export const breakGlass = ${detectorSource('break-glass')};`,
      'break-glass.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });
    const rules = await loadUserRules(dir);
    const configDir = mkdtempSync(join(tmpdir(), 'trailwatch-config-'));
    writeFileSync(
      join(configDir, 'trailwatch.yml'),
      'detectors:\n  break-glass:\n    severity: critical\n  s3-bucket-enumeration:\n    enabled: false\n',
    );
    const subscriptions = [
      { protocol: 'email', endpoint: 'a@example.com', detectors: ['break-glass'] },
    ];

    // Act + Assess: accepted with the folder's ids...
    const ids = new Set(['break-glass']);
    expect(parseConfig({ alertSubscriptions: subscriptions }, ids).alertSubscriptions).toHaveLength(
      1,
    );
    const config = loadDetectorConfig('trailwatch.yml', configDir, rules.detectors);
    expect(config.document.detectors).toMatchObject({ 'break-glass': { severity: 'critical' } });

    // ...and refused without them.
    expect(() => parseConfig({ alertSubscriptions: subscriptions })).toThrow(
      /alertSubscriptions\.0\.detectors\.0: is not a detector id/,
    );
    expect(() => loadDetectorConfig('trailwatch.yml', configDir)).toThrow(/break-glass/);
    rmSync(configDir, { recursive: true, force: true });
  });

  it('refuses to build the stack with detectorsDir set but the folder not loaded', () => {
    expect(() =>
      createTrailwatchStack(testApp({ detectorsDir: 'sample-rules' }), { handlers: STUB_HANDLERS }),
    ).toThrow(/detectorsDir: the folder must be loaded before the stack is built/);
  });
});

describe('Generated Lambda entries', () => {
  it('import each rule file, register it, and re-export the handler, quoting every path', async () => {
    // Prepare: a file name that would break out of an unquoted string.
    const dir = ruleFolder({
      'it\'s "odd".ts': `export const odd = ${detectorSource('odd', `examples: ${EXAMPLES_SOURCE}`)};`,
    });
    const rules = await loadUserRules(dir);
    const root = mkdtempSync(join(tmpdir(), 'trailwatch-entries-'));

    // Act
    const entries = writeUserRuleEntries(rules, STUB_HANDLERS, root);
    const again = writeUserRuleEntries(rules, STUB_HANDLERS, root);

    // Assess
    expect(again).toEqual(entries);
    const text = readFileSync(entries.fastPath, 'utf8');
    expect(text).toContain(`{ file: ${JSON.stringify('it\'s "odd".ts')}, exports: rule0 }`);
    expect(text).toMatch(/^export \{ handler \} from ".*stub-handler\.ts";$/m);
    const mod = (await import(entries.fastPath)) as { handler?: unknown };
    expect(typeof mod.handler).toBe('function');
    rmSync(root, { recursive: true, force: true });
  });
});
