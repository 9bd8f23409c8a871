import {
  DUCKDB_ONLY_KEYWORDS,
  NON_PORTABLE_FUNCTIONS,
  PAREN_KEYWORDS,
  PARSE_DATETIME_FORMATS,
  PORTABLE_CAST_TYPES,
  PORTABLE_FUNCTIONS,
  TIMESTAMP_FUNCTIONS,
} from './portable-functions.js';
import {
  callArguments,
  isWord,
  normalizedText,
  SqlSyntaxError,
  significant,
  stringValue,
  type Token,
  tokenize,
} from './tokenize.js';
import { TABLE_WINDOW_SQL, TABLE_WINDOWS } from './windows.js';

/**
 * The runbook SQL lint. Queries are written once in the Trino dialect and run on
 * Athena and on DuckDB; this rejects what would fail, or silently differ, on one
 * of them, parameters Athena refuses (outside WHERE), and queries that could scan
 * without a time window. It works on tokens and clause structure, not a full
 * parse: rules are written so that doubt means "rejected".
 */
export interface LintIssue {
  readonly rule: string;
  readonly message: string;
  /** Offset in the query text. */
  readonly offset: number;
}

/** Columns holding JSON text: dot access fails on Athena (they are STRING). */
const JSON_STRING_COLUMNS = new Set([
  'requestparameters',
  'responseelements',
  'additionaleventdata',
  'serviceeventdetails',
  'edgedevicedetails',
]);

const CLAUSES = ['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION'];

/** A SELECT block (the statement or a parenthesised subquery). */
interface Block {
  readonly kind: 'block';
  clause: string | undefined;
  readonly tokens: Map<string, Token[]>;
  readonly aliases: Set<string>;
  readonly start: Token;
}

/** A parenthesised expression or call inside a block. */
interface Group {
  readonly kind: 'group';
  /** Lower-case function name when the parenthesis opens a call. */
  readonly call: string | undefined;
  readonly open: Token;
  commas: number;
  empty: boolean;
}

type Frame = Block | Group;

export function lintSql(sql: string): LintIssue[] {
  let all: Token[];
  try {
    all = tokenize(sql);
  } catch (error) {
    const message = error instanceof SqlSyntaxError ? error.message : String(error);
    return [{ rule: 'syntax', message, offset: 0 }];
  }
  const issues: LintIssue[] = [];
  const report = (rule: string, token: Token, message: string) =>
    issues.push({ rule, message, offset: token.offset });
  const tokens = significant(all);
  const first = tokens[0];
  if (!first) return [{ rule: 'syntax', message: 'empty query', offset: 0 }];

  checkTokens(tokens, report);
  const root = newBlock(first);
  const stack: Frame[] = [root];
  const blocks: Block[] = [root];

  tokens.forEach((token, i) => {
    const top = stack.at(-1) as Frame;
    const block = nearestBlock(stack);
    const record = (into: Block) => {
      const clause = into.clause ?? 'SELECT';
      const list = into.tokens.get(clause) ?? [];
      list.push(token);
      into.tokens.set(clause, list);
      return clause;
    };
    if (token.text === '(' && token.kind === 'punct') {
      record(block);
      if (top.kind === 'group') top.empty = false;
      const next = tokens[i + 1];
      if (isWord(next, 'SELECT', 'WITH')) {
        const inner = newBlock(token);
        stack.push(inner);
        blocks.push(inner);
      } else {
        const prev = tokens[i - 1];
        const call =
          prev?.kind === 'word' && !PAREN_KEYWORDS.has(prev.text.toUpperCase())
            ? prev.text.toLowerCase()
            : undefined;
        stack.push({ kind: 'group', call, open: token, commas: 0, empty: true });
      }
      return;
    }
    if (token.text === ')' && token.kind === 'punct') {
      const closed = stack.pop();
      if (closed?.kind === 'group') checkArity(closed, report);
      if (stack.length === 0) {
        report('syntax', token, 'unbalanced )');
        stack.push(root);
      }
      record(nearestBlock(stack));
      return;
    }
    if (top.kind === 'group') {
      top.empty = false;
      if (token.text === ',') top.commas += 1;
    }
    if (top.kind === 'block' && token.kind === 'word') {
      const upper = token.text.toUpperCase();
      if (CLAUSES.includes(upper)) block.clause = upper;
      if (upper === 'AS' && block.clause === 'SELECT') {
        const alias = tokens[i + 1];
        if (alias?.kind === 'word') block.aliases.add(alias.text.toLowerCase());
      }
    }
    const clause = record(block);

    if (token.kind === 'param' && clause !== 'WHERE') {
      report(
        'param-outside-where',
        token,
        `${token.text} is in ${clause}: Athena accepts parameters only in WHERE`,
      );
    }
    if (token.kind === 'word' && clause === 'SELECT') {
      const name = token.text.toLowerCase();
      const isCall = tokens[i + 1]?.text === '(';
      if (isCall && TIMESTAMP_FUNCTIONS.has(name) && !insideCall(stack, 'date_diff')) {
        report(
          'timestamp-output',
          token,
          `${name}(...) in SELECT returns a timestamp whose text differs between engines`,
        );
      }
    }
  });
  if (stack.length > 1) report('syntax', first, 'unbalanced (');

  for (const block of blocks) checkBlock(block, report);
  if (!(root.tokens.get('ORDER')?.length ?? 0)) {
    report(
      'order-by',
      first,
      'the statement needs ORDER BY so results (and golden files) are stable',
    );
  }
  if (!blocks.some((b) => tablesOf(b).length > 0)) {
    report('table', first, `the query reads none of ${Object.keys(TABLE_WINDOWS).join(', ')}`);
  }
  return issues.sort((a, b) => a.offset - b.offset);
}

type Report = (rule: string, token: Token, message: string) => void;

function newBlock(start: Token): Block {
  return { kind: 'block', clause: undefined, tokens: new Map(), aliases: new Set(), start };
}

function nearestBlock(stack: readonly Frame[]): Block {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i] as Frame;
    if (frame.kind === 'block') return frame;
  }
  return stack[0] as Block;
}

function insideCall(stack: readonly Frame[], name: string): boolean {
  return stack.some((f) => f.kind === 'group' && f.call === name);
}

/** Rules that need only the token and its neighbours. */
function checkTokens(tokens: readonly Token[], report: Report): void {
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (token.kind === 'backtick-identifier') {
      report('identifier', token, 'backtick identifiers are Hive DDL only; use "double quotes"');
    }
    if (token.kind === 'punct') checkPunct(token, prev, report);
    if (token.kind !== 'word') return;
    const lower = token.text.toLowerCase();
    const upper = token.text.toUpperCase();
    if (lower === 'timestamp' && next?.kind !== 'string') {
      report(
        'identifier',
        token,
        'write the partition column as "timestamp" (a type keyword in Trino)',
      );
    }
    if (DUCKDB_ONLY_KEYWORDS.has(upper)) {
      report('dialect', token, `${upper} is DuckDB syntax; Athena rejects it`);
    }
    if (JSON_STRING_COLUMNS.has(lower) && next?.text === '.' && prev?.text !== '.') {
      report(
        'json-dot-access',
        token,
        `${lower} is a JSON string column: use json_extract_scalar(${lower}, '$.field')`,
      );
    }
    if (next?.text !== '(' || PAREN_KEYWORDS.has(upper) || prev?.text === '.') return;
    checkCall(tokens, i, report);
  });
}

function checkPunct(token: Token, prev: Token | undefined, report: Report): void {
  const messages: Record<string, [string, string]> = {
    '::': ['dialect', ':: casts are DuckDB/Postgres syntax; use CAST(x AS type)'],
    '->': ['dialect', 'lambdas differ between engines'],
    '=>': ['dialect', 'named arguments are DuckDB syntax'],
    '/': ['division', 'integer division differs (Trino 7/2 = 3, DuckDB 3.5); avoid division'],
    '?': ['positional-param', 'write parameters by name (:principal), not ?'],
    ';': ['single-statement', 'one statement per query, without a trailing ;'],
    '[': ['dialect', 'subscripts differ between engines'],
  };
  const hit = messages[token.text];
  if (hit) report(hit[0], token, hit[1]);
  if (
    token.text === '*' &&
    (isWord(prev, 'SELECT', 'DISTINCT') || prev?.text === ',' || prev?.text === '.')
  ) {
    report('select-star', token, 'name the columns: * differs with the schema of each engine');
  }
}

/** A function call at tokens[i]: allow-list, cast targets, JSON paths, formats. */
function checkCall(tokens: readonly Token[], i: number, report: Report): void {
  const token = tokens[i] as Token;
  const name = token.text.toLowerCase();
  const why = NON_PORTABLE_FUNCTIONS[name];
  if (why) {
    report('function', token, `${name}(): ${why}`);
    return;
  }
  if (!PORTABLE_FUNCTIONS[name]) {
    report(
      'function',
      token,
      `${name}() is not in the portable function list (sql/portable-functions.ts)`,
    );
    return;
  }
  const args = callArguments(tokens, i);
  if (args.length === 0 && tokens[i + 2]?.text !== ')') {
    report('syntax', token, `${name}( is not closed`);
    return;
  }
  if (name === 'cast' || name === 'try_cast') {
    const inner = args[0] ?? [];
    const as = inner.findLastIndex((t) => isWord(t, 'AS'));
    const type = as >= 0 ? inner.slice(as + 1) : [];
    const typeName = type
      .map((t) => t.text)
      .join(' ')
      .toUpperCase();
    if (!PORTABLE_CAST_TYPES.has(typeName)) {
      report(
        'cast',
        token,
        `CAST to ${typeName || '?'}: only ${[...PORTABLE_CAST_TYPES].join(', ')} read the same on both engines`,
      );
    }
  }
  if (name === 'split_part' && !isWord(tokens[i - 2], 'nullif')) {
    report(
      'split-part',
      token,
      "wrap split_part in nullif(split_part(...), ''): past the last field Trino returns NULL, DuckDB ''",
    );
  }
  const path = args[1];
  if (name === 'json_extract_scalar') {
    if (path?.length === 1 && path[0]?.kind === 'string') checkJsonPath(path[0], report);
    else report('json-path', token, `${name}: the JSON path must be a single string literal`);
  }
  if (name === 'parse_datetime') {
    const format = path?.length === 1 ? path[0] : undefined;
    if (format?.kind !== 'string' || !PARSE_DATETIME_FORMATS.has(stringValue(format))) {
      report('format', token, 'parse_datetime: the format must be a literal the DuckDB shim maps');
    }
  }
}

const PATH_SEGMENT = /^(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\["[^"\\]*"\])/;

/** Trino's JSONPath tokenizer rejects hyphens in dotted keys: they must be bracketed. */
function checkJsonPath(literal: Token, report: Report): void {
  let rest = stringValue(literal);
  if (!rest.startsWith('$')) {
    report('json-path', literal, `JSON path ${literal.text} must start with $`);
    return;
  }
  rest = rest.slice(1);
  while (rest.length > 0) {
    const segment = PATH_SEGMENT.exec(rest);
    if (!segment) {
      report(
        'json-path',
        literal,
        `JSON path ${literal.text}: write keys with other characters as ["key-name"]`,
      );
      return;
    }
    rest = rest.slice(segment[0].length);
  }
}

function checkArity(group: Group, report: Report): void {
  if (!group.call) return;
  const arity = PORTABLE_FUNCTIONS[group.call];
  if (!arity) return;
  const args = group.empty ? 0 : group.commas + 1;
  if (args < arity.min || (arity.max !== undefined && args > arity.max)) {
    report(
      'arity',
      group.open,
      `${group.call}() takes ${describeArity(arity)} arguments, got ${args}`,
    );
  }
}

function describeArity(arity: { min: number; max?: number }): string {
  if (arity.max === arity.min) return String(arity.min);
  return arity.max === undefined ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
}

/** Known tables a block reads (words of its FROM clause). */
function tablesOf(block: Block): string[] {
  const from = block.tokens.get('FROM') ?? [];
  return from
    .filter((t) => t.kind === 'word' && Object.hasOwn(TABLE_WINDOWS, t.text.toLowerCase()))
    .map((t) => t.text.toLowerCase());
}

/** Per-block rules: time window, aliases in WHERE/GROUP BY/HAVING, OR at the top of WHERE. */
function checkBlock(block: Block, report: Report): void {
  const where = block.tokens.get('WHERE') ?? [];
  const text = normalizedText(where.slice(1));
  for (const table of new Set(tablesOf(block))) {
    const window = TABLE_WINDOWS[table] ?? '';
    if (!(text === window || text.startsWith(`${window} and `))) {
      report(
        'time-window',
        block.start,
        `a query on ${table} must start its WHERE with: ${TABLE_WINDOW_SQL[table]}`,
      );
    }
  }
  checkTopLevelOr(where, report);
  for (const clause of ['WHERE', 'GROUP', 'HAVING']) {
    const list = block.tokens.get(clause) ?? [];
    list.forEach((token, k) => {
      if (list[k - 1]?.text === '.' || list[k + 1]?.text === '(') return;
      if (token.kind === 'word' && block.aliases.has(token.text.toLowerCase())) {
        report(
          'alias-reference',
          token,
          `${token.text} is a select alias: Trino does not resolve aliases in ${clause}; repeat the expression or use an ordinal`,
        );
      }
    });
  }
}

/** `A AND B OR C` would let C bypass the window: OR must sit inside parentheses. */
function checkTopLevelOr(where: readonly Token[], report: Report): void {
  let depth = 0;
  for (const token of where) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0 && isWord(token, 'OR')) {
      report(
        'where-or',
        token,
        'OR at the top level of WHERE escapes the time window; parenthesise it',
      );
    }
  }
}
