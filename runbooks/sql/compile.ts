import { ParamError } from '../errors.js';
import { SQL_PARAMS, type SqlParam } from '../params.js';
import { athenaLiteral } from './literal.js';
import { tokenize } from './tokenize.js';

/**
 * Runbook SQL marks parameters by name (`:principal`) so a query reads clearly and
 * a value used twice is given once. Both engines take positional `?` markers;
 * compiling swaps each name for `?` and records the order, so the text that runs
 * is identical on DuckDB and Athena.
 */
export interface CompiledSql {
  /** The query with `?` markers, as both engines receive it. */
  readonly text: string;
  /** Parameter name for each `?`, in order of appearance. */
  readonly params: readonly SqlParam[];
}

export function compileSql(sql: string): CompiledSql {
  const params: SqlParam[] = [];
  let text = '';
  for (const token of tokenize(sql)) {
    if (token.kind !== 'param') {
      text += token.text;
      continue;
    }
    const name = token.text.slice(1);
    if (!(SQL_PARAMS as readonly string[]).includes(name)) {
      throw new ParamError(`unknown parameter :${name} in query text`, name);
    }
    params.push(name as SqlParam);
    text += '?';
  }
  return { text, params };
}

/** The values for each `?` in order; throws when one is missing. */
export function positionalValues(
  compiled: CompiledSql,
  values: Readonly<Partial<Record<SqlParam, string>>>,
): string[] {
  return compiled.params.map((name) => {
    const value = values[name];
    if (value === undefined) throw new ParamError(`missing value for parameter ${name}`, name);
    return value;
  });
}

/**
 * The query with each `?` replaced by its Athena literal: what Athena executes
 * after applying `ExecutionParameters`. Used to prove in tests that the literal
 * encoding returns what bound values return, and to show a copy-paste version.
 */
export function inlineLiterals(compiled: CompiledSql, values: readonly string[]): string {
  let index = 0;
  let text = '';
  for (const token of tokenize(compiled.text)) {
    if (token.kind === 'punct' && token.text === '?') {
      const value = values[index++];
      if (value === undefined) throw new ParamError('fewer values than ? markers', '?');
      text += athenaLiteral(value);
    } else {
      text += token.text;
    }
  }
  return text;
}
