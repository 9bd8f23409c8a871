import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/**
 * Writes a throw-away user rule folder (outside the repository, so the files are
 * neither typechecked nor linted: some are broken on purpose). Paths may hold
 * sub-folders. Returns the folder.
 */
export function ruleFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailwatch-rules-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

/** Removes every folder {@link ruleFolder} made; call from afterAll. */
export function removeRuleFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Source of a small valid detector object, without imports: fires on
 * `AssumeRole` of a role ARN ending in `:role/BreakGlass`. `extra` is spliced
 * into the object literal (e.g. an inline `examples` property).
 */
export function detectorSource(id: string, extra = ''): string {
  return `{
  id: '${id}',
  title: 'Break-glass role assumed',
  severity: 'high',
  description: 'The break-glass role was assumed; it exists for emergencies only.',
  attack: ['T1078.004'],
  references: [],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sts.amazonaws.com', eventNames: ['AssumeRole'] }],
  match(event) {
    const arn = event.requestParameters && event.requestParameters.roleArn;
    if (typeof arn !== 'string' || !arn.endsWith(':role/BreakGlass')) return undefined;
    return { summary: 'break-glass role assumed', resources: [arn] };
  },
  ${extra}
}`;
}

/** A minimal AssumeRole record as JSON text, for example files. */
export function assumeRoleEventSource(role: string): string {
  return JSON.stringify({
    eventTime: '2026-11-20T10:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    requestParameters: {
      roleArn: `arn:aws:iam::111122223333:role/${role}`,
      roleSessionName: 'alice',
    },
  });
}

/** Source of an examples object: one firing and one quiet AssumeRole. */
export const EXAMPLES_SOURCE = `{
  fire: [{ name: 'break-glass assumed', events: [${assumeRoleEventSource('BreakGlass')}] }],
  noFire: [{ name: 'ordinary role assumed', events: [${assumeRoleEventSource('ReadOnly')}] }],
}`;
