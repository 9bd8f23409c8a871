import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { DetectorMeta } from '../../detectors/types.js';
import { ConfigError, type ConfigIssue } from './errors.js';
import { keyText, locate } from './locate.js';
import { configSchema, quote } from './schema.js';
import type { TrailwatchConfig } from './types.js';

/** Config text above this size is refused before parsing (a real config is a few KB). */
export const MAX_CONFIG_CHARS = 1_000_000;
/** YAML aliases expanded at most this many times (a "billion laughs" file stops here). */
const MAX_ALIAS_COUNT = 100;
/** Keys that would reach an object's prototype if some later code merged the config. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Old `--config` files held settings at the top level. */
const SETTINGS_KEYS = new Set([
  'trustedAccounts',
  'trustedLayerPublishers',
  'trustedOrganizationIds',
  'logBuckets',
  'allowedRegions',
  'cloudFrontOnlyBuckets',
  'cloudFrontOriginAccessIdentities',
  'lambdaSpikes',
]);

export interface ParseConfigOptions {
  /** Names the text in messages: a file path, or an environment variable. */
  readonly source: string;
  /** The detectors ids are checked against: built-ins plus any user detectors. */
  readonly catalog: readonly DetectorMeta[];
  /**
   * The text is bare detector settings (the deprecated `TRAILWATCH_SETTINGS`
   * form), validated as the `settings:` section.
   */
  readonly settingsOnly?: boolean;
}

/**
 * Parses config text, YAML or JSON (JSON is read as YAML, so both get line
 * numbers), and validates it. Throws {@link ConfigError} listing every problem with
 * its line, column and key. Duplicate keys, unknown keys, `__proto__` keys,
 * custom tags and multiple documents are errors. An empty text is the default config.
 */
export function parseConfig(text: string, options: ParseConfigOptions): TrailwatchConfig {
  const { source } = options;
  if (text.length > MAX_CONFIG_CHARS) {
    throw new ConfigError(source, [
      { path: '', message: `larger than ${MAX_CONFIG_CHARS} characters; is this the right file?` },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yamlIssues = [...doc.errors, ...doc.warnings].map((e) => yamlIssue(e, lines));
  if (yamlIssues.length > 0) throw new ConfigError(source, yamlIssues);

  const keyIssues = checkKeys(doc, lines);
  if (keyIssues.length > 0) throw new ConfigError(source, keyIssues);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new ConfigError(source, [{ path: '', message: (cause as Error).message }], { cause });
  }
  value ??= {};
  const prefix = options.settingsOnly ? ['settings'] : [];
  const result = configSchema(options.catalog).safeParse(
    options.settingsOnly ? { settings: value } : value,
  );
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.flatMap((issue) =>
    zodIssues(issue).map((i) => {
      const at = locate(doc, i.path.slice(prefix.length), lines);
      return { ...(at ? { line: at.line, column: at.column } : {}), ...i, path: pathText(i.path) };
    }),
  );
  // In file order, as an editor shows them.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new ConfigError(source, issues, { cause: result.error });
}

function yamlIssue(error: YAMLError, lines: LineCounter): ConfigIssue {
  const { line, col } = lines.linePos(error.pos[0]);
  const message =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate key'
      : error.code === 'MULTIPLE_DOCS'
        ? 'one document only: remove the "---" separator'
        : error.message;
  return { line, column: col, path: '', message };
}

/** Keys must be plain text, and never ones that reach a prototype. */
function checkKeys(doc: ReturnType<typeof parseDocument>, lines: LineCounter): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair)) return;
      const key = keyText(pair.key);
      const at = isScalar(pair.key) || isMap(pair.key) ? pair.key.range?.[0] : undefined;
      const pos =
        at === undefined ? {} : { line: lines.linePos(at).line, column: lines.linePos(at).col };
      if (key === undefined) issues.push({ ...pos, path: '', message: 'keys must be plain text' });
      else if (FORBIDDEN_KEYS.has(key))
        issues.push({ ...pos, path: '', message: `key ${quote(key)} is not allowed` });
    },
  });
  return issues;
}

interface RawIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** One zod issue as the reader needs it: unknown keys one by one, with the key in the path. */
function zodIssues(issue: z.core.$ZodIssue): RawIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message:
        path.length === 0 && SETTINGS_KEYS.has(key)
          ? 'unknown key (detector settings now go under "settings:")'
          : 'unknown key',
    }));
  }
  if (issue.code === 'invalid_key') {
    return [{ path, message: issue.issues[0]?.message ?? issue.message }];
  }
  if (
    issue.code === 'invalid_type' &&
    issue.expected === 'string' &&
    /received number/.test(issue.message)
  ) {
    return [{ path, message: 'must be text in quotes (YAML reads bare digits as a number)' }];
  }
  return [{ path, message: issue.message }];
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(String(segment)))
      out += out ? `.${String(segment)}` : String(segment);
    else out += `[${quote(String(segment))}]`;
  }
  return out;
}
