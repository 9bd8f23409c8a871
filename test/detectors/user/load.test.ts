import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserDetectorsFolderError } from '../../../detectors/user/errors.js';
import { loadUserDetectors } from '../../../detectors/user/load.js';
import {
  assumeRoleEventSource,
  detectorSource,
  EXAMPLES_SOURCE,
  removeRuleFolders,
  ruleFolder,
} from './rule-folder.js';

afterAll(removeRuleFolders);

const reasons = (result: { errors: readonly { file: string; reason: string }[] }) =>
  result.errors.map((e) => ({ file: e.file, reason: e.reason }));

describe('Function: loadUserDetectors', () => {
  it('loads a TypeScript detector and its examples file', async () => {
    // Prepare
    const dir = ruleFolder({
      'break-glass.ts': `export const breakGlass = ${detectorSource('break-glass')};`,
      'break-glass.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    // Act
    const result = await loadUserDetectors(dir);

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.detectors.map((d) => d.id)).toEqual(['break-glass']);
    expect(result.files.get('break-glass')).toBe(join(dir, 'break-glass.ts'));
    expect(result.examples.get('break-glass')?.fire[0]?.name).toBe('break-glass assumed');
    expect(result.examples.get('break-glass')?.noFire).toHaveLength(1);
  });

  it('keeps the author’s own object, so match is theirs', async () => {
    const dir = ruleFolder({ 'a.ts': `export const a = ${detectorSource('rule-a')};` });

    const [detector] = (await loadUserDetectors(dir)).detectors;
    const draft = detector?.match(
      JSON.parse(assumeRoleEventSource('BreakGlass')),
      // biome-ignore lint/suspicious/noExplicitAny: settings are not read by this detector
      {} as any,
    );

    expect(draft?.summary).toBe('break-glass role assumed');
  });

  it('loads .mts, .js and .mjs modules, default and array exports, and sub-folders', async () => {
    const dir = ruleFolder({
      'one.mts': `export default ${detectorSource('from-mts')};`,
      'two.mjs': `export const rules = [${detectorSource('from-array-1')}, ${detectorSource('from-array-2')}];`,
      'iam/three.js': `export const three = ${detectorSource('from-subfolder')};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toEqual([]);
    expect(result.detectors.map((d) => d.id)).toEqual([
      'from-array-1',
      'from-array-2',
      'from-mts',
      'from-subfolder',
    ]);
  });

  it('counts an object exported under two names once', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};\nexport default a;`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toEqual([]);
    expect(result.detectors).toHaveLength(1);
  });

  it('accepts inline examples on the detector', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a', `examples: ${EXAMPLES_SOURCE},`)};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toEqual([]);
    expect(result.examples.get('rule-a')?.fire).toHaveLength(1);
  });

  it('treats a missing examples list as empty, for test-detectors to report', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};`,
      'rule-a.examples.ts': `export const examples = { fire: [{ name: 'x', events: [${assumeRoleEventSource('BreakGlass')}] }] };`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toEqual([]);
    expect(result.examples.get('rule-a')).toEqual({
      fire: [expect.objectContaining({ name: 'x' })],
      noFire: [],
    });
  });

  it('reports a syntax error with the file and still loads the other files', async () => {
    const dir = ruleFolder({
      'broken.ts': 'export const broken = { id: "broken", match( {;',
      'good.ts': `export const good = ${detectorSource('good')};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.detectors.map((d) => d.id)).toEqual(['good']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.file).toBe(join(dir, 'broken.ts'));
    expect(result.errors[0]?.reason).toMatch(/^cannot be loaded: /);
    expect(result.errors[0]?.message).toContain('broken.ts: cannot be loaded');
  });

  it('reports a module that throws while loading', async () => {
    const dir = ruleFolder({ 'boom.mjs': 'throw new Error("no config here");' });

    const result = await loadUserDetectors(dir);

    expect(reasons(result)).toEqual([
      { file: join(dir, 'boom.mjs'), reason: 'cannot be loaded: Error: no config here' },
    ]);
  });

  it('names the export and every problem of a malformed detector', async () => {
    const dir = ruleFolder({
      'bad.ts': `export const badRule = {
        id: 'Bad_Id', title: 'Some title here', severity: 'urgent',
        description: 'Long enough description of the rule.', attack: ['TA0001'], references: [],
        runbook: 'no-such-runbook', dedupWindowSeconds: 3600, listensTo: [], match: 'yes',
      };`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.detectors).toEqual([]);
    expect(result.errors).toHaveLength(1);
    const reason = result.errors[0]?.reason ?? '';
    expect(reason).toMatch(/^export badRule: /);
    expect(reason).toContain('id: must be kebab-case');
    expect(reason).toContain('severity:');
    expect(reason).toContain('attack.0: must be an ATT&CK technique id');
    expect(reason).toContain('runbook: must be a runbook id: ');
    expect(reason).toContain('listensTo: must list at least one');
    expect(reason).toContain('and 1 more');
  });

  it('reports a threshold of 1 and an empty event-name list', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = { ...${detectorSource('rule-a')},
        threshold: { count: 1, windowSeconds: 60 },
        listensTo: [{ eventSource: 'sts.amazonaws.com', eventNames: [] }] };`,
    });

    const [error] = (await loadUserDetectors(dir)).errors;

    expect(error?.reason).toContain('threshold.count: must be at least 2');
    expect(error?.reason).toContain('listensTo.0.eventNames');
  });

  it('refuses an id that a built-in detector already has', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('root-account-used')};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.detectors).toEqual([]);
    expect(result.errors[0]?.reason).toBe('id "root-account-used" is already a built-in detector');
  });

  it('keeps the first of two user detectors sharing an id and reports the second', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('same-id')};`,
      'b.ts': `export const b = ${detectorSource('same-id')};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.files.get('same-id')).toBe(join(dir, 'a.ts'));
    expect(reasons(result)).toEqual([
      {
        file: join(dir, 'b.ts'),
        reason: `id "same-id" is already defined in ${join(dir, 'a.ts')}`,
      },
    ]);
  });

  it('honours custom reserved ids', async () => {
    const dir = ruleFolder({ 'a.ts': `export const a = ${detectorSource('rule-a')};` });

    const result = await loadUserDetectors(dir, { reservedIds: ['rule-a'] });

    expect(result.errors[0]?.reason).toContain('already a built-in detector');
  });

  it('reports a file that exports no detector', async () => {
    const dir = ruleFolder({ 'util.ts': 'export const ROLE = "BreakGlass";' });

    const result = await loadUserDetectors(dir);

    expect(result.errors[0]?.reason).toMatch(/^exports no detector/);
  });

  it('skips helpers, hidden files, declarations, tests and other extensions', async () => {
    const dir = ruleFolder({
      'a.ts': `import { ROLE } from './_shared.ts';\nexport const a = { ...${detectorSource('rule-a')}, title: \`\${ROLE} role assumed\` };`,
      '_shared.ts': 'export const ROLE = "BreakGlass";',
      '_lib/util.ts': 'export const x = 1;',
      '.hidden.ts': 'syntax error {',
      'types.d.ts': 'export type X = string;',
      'a.test.ts': 'syntax error {',
      'README.md': '# rules',
      'rules.json': '{}',
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toEqual([]);
    expect(result.detectors.map((d) => d.title)).toEqual(['BreakGlass role assumed']);
  });

  it('reports examples for a detector nobody defines', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};`,
      'rule-b.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    const result = await loadUserDetectors(dir);

    expect(reasons(result)).toEqual([
      {
        file: join(dir, 'rule-b.examples.ts'),
        reason: 'holds examples for "rule-b", which no file defines',
      },
    ]);
  });

  it('does not call examples orphans when their detector failed to load', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = { ...${detectorSource('rule-a')}, severity: 'urgent' };`,
      'rule-a.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    const result = await loadUserDetectors(dir);

    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.file).toBe(join(dir, 'a.ts'));
  });

  it('reports example events that ingest would reject', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};`,
      'rule-a.examples.ts': `export const examples = {
        fire: [{ name: 'no time', events: [{ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole' }] }],
        noFire: [{ name: 'no events', events: [] }],
      };`,
    });

    const [error] = (await loadUserDetectors(dir)).errors;

    expect(error?.reason).toContain('fire.0.events.0.eventTime');
    expect(error?.reason).toContain('noFire.0.events: needs at least one event');
  });

  it('reports an examples file without an examples export', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};`,
      'rule-a.examples.ts': `export const cases = ${EXAMPLES_SOURCE};`,
    });

    expect((await loadUserDetectors(dir)).errors[0]?.reason).toBe('does not export `examples`');
  });

  it('refuses examples given both inline and in a file', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a', `examples: ${EXAMPLES_SOURCE},`)};`,
      'rule-a.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    const [error] = (await loadUserDetectors(dir)).errors;

    expect(error?.reason).toContain('also has inline examples');
  });

  it('reports a folder without detector files', async () => {
    const dir = ruleFolder({ 'README.md': '# nothing yet' });

    const result = await loadUserDetectors(dir);

    expect(reasons(result)).toEqual([
      { file: dir, reason: 'holds no detector files (.ts, .mts, .js, .mjs)' },
    ]);
  });

  it('throws a folder error for a missing folder or a file', async () => {
    const dir = ruleFolder({ 'a.ts': `export const a = ${detectorSource('rule-a')};` });

    await expect(loadUserDetectors(join(dir, 'missing'))).rejects.toThrow(UserDetectorsFolderError);
    await expect(loadUserDetectors(join(dir, 'a.ts'))).rejects.toThrow('not a folder');
  });
});
