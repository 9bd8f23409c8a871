/**
 * A small SQL tokenizer for runbook queries: enough to find string literals,
 * identifiers, `:name` parameters and punctuation so the lint and the compiler
 * never mistake text inside a literal for SQL. It is not a parser.
 */

export type TokenKind =
  | 'space'
  | 'comment'
  | 'string'
  | 'quoted-identifier'
  | 'backtick-identifier'
  | 'param'
  | 'number'
  | 'word'
  | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** The exact source text of the token. */
  readonly text: string;
  /** Offset of the first character in the source. */
  readonly offset: number;
}

/** The query text cannot be tokenized (an unterminated literal or comment). */
export class SqlSyntaxError extends Error {
  override readonly name = 'SqlSyntaxError';
}

const OPERATORS = ['<>', '<=', '>=', '!=', '||', '->', '::', '=>'];

/** Splits `sql` into tokens, whitespace and comments included, so the text can be rebuilt. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), offset: i });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j] as string)) j++;
      push('space', j);
    } else if (c === '-' && next === '-') {
      const j = sql.indexOf('\n', i);
      push('comment', j < 0 ? sql.length : j);
    } else if (c === '/' && next === '*') {
      const j = sql.indexOf('*/', i + 2);
      if (j < 0) throw new SqlSyntaxError(`unterminated /* comment at offset ${i}`);
      push('comment', j + 2);
    } else if (c === "'" || c === '"' || c === '`') {
      push(quotedKind(c), quotedEnd(sql, i, c));
    } else if (c === ':' && next !== undefined && /[A-Za-z_]/.test(next)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j] as string)) j++;
      push('param', j);
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[0-9.]/.test(sql[j] as string)) j++;
      push('number', j);
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_]/.test(sql[j] as string)) j++;
      push('word', j);
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      push('punct', i + (op?.length ?? 1));
    }
  }
  return tokens;
}

function quotedKind(quote: string): TokenKind {
  if (quote === "'") return 'string';
  return quote === '"' ? 'quoted-identifier' : 'backtick-identifier';
}

/** End offset (exclusive) of a quoted token; a doubled quote is an escaped quote. */
function quotedEnd(sql: string, start: number, quote: string): number {
  let j = start + 1;
  for (;;) {
    const k = sql.indexOf(quote, j);
    if (k < 0) throw new SqlSyntaxError(`unterminated ${quote} at offset ${start}`);
    if (sql[k + 1] === quote) {
      j = k + 2;
      continue;
    }
    return k + 1;
  }
}

/** Tokens that carry meaning (no whitespace or comments). */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

/** The value of a `'...'` literal token. */
export function stringValue(token: Token): string {
  return token.text.slice(1, -1).replaceAll("''", "'");
}

/** Case-insensitive keyword test for a word token. */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  if (token?.kind !== 'word') return false;
  const upper = token.text.toUpperCase();
  return words.some((w) => w.toUpperCase() === upper);
}

/**
 * Lower-case text of tokens joined by single spaces, literals and parameters kept
 * as written: two spellings of one predicate compare equal.
 */
export function normalizedText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.kind === 'string' || t.kind === 'param' ? t.text : t.text.toLowerCase()))
    .join(' ');
}

/**
 * The arguments of the call whose name is at `tokens[nameIndex]` (next token `(`),
 * split on top-level commas. Empty when the call is not closed.
 */
export function callArguments(tokens: readonly Token[], nameIndex: number): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let k = nameIndex + 1; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind === 'punct' && token.text === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (token.kind === 'punct' && token.text === ')') {
      depth--;
      if (depth === 0) return args[0]?.length === 0 && args.length === 1 ? [] : args;
    } else if (depth === 1 && token.kind === 'punct' && token.text === ',') {
      args.push([]);
      continue;
    }
    args.at(-1)?.push(token);
  }
  return [];
}
