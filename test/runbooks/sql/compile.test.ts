import { describe, expect, it } from 'vitest';
import { ParamError } from '../../../runbooks/errors.js';
import { compileSql, inlineLiterals, positionalValues } from '../../../runbooks/sql/compile.js';
import { athenaLiteral } from '../../../runbooks/sql/literal.js';

describe('compileSql', () => {
  it('turns each :name into ? and records the order, repeats included', () => {
    const compiled = compileSql(
      "SELECT a FROM t WHERE x = :principal OR y = :principal AND z = ':notParam' AND w = :bucket",
    );
    expect(compiled.text).toBe(
      "SELECT a FROM t WHERE x = ? OR y = ? AND z = ':notParam' AND w = ?",
    );
    expect(compiled.params).toEqual(['principal', 'principal', 'bucket']);
  });

  it('ignores colons inside literals, quoted identifiers and comments', () => {
    const compiled = compileSql(
      `SELECT "a:b" FROM t -- :principal\nWHERE arn = 'arn:aws:iam::1:root'`,
    );
    expect(compiled.params).toEqual([]);
  });

  it('refuses a parameter name it does not know', () => {
    expect(() => compileSql('SELECT 1 FROM t WHERE a = :nope')).toThrow(ParamError);
  });

  it('lists values per marker and names a missing one', () => {
    const compiled = compileSql('SELECT 1 FROM t WHERE a = :bucket AND b = :start');
    expect(positionalValues(compiled, { bucket: 'b', start: 's' })).toEqual(['b', 's']);
    expect(() => positionalValues(compiled, { bucket: 'b' })).toThrow(
      /missing value for parameter start/,
    );
  });
});

describe('athenaLiteral and inlineLiterals', () => {
  it('quotes a value as a Trino string literal with quotes doubled', () => {
    expect(athenaLiteral("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(athenaLiteral('back\\slash')).toBe("'back\\slash'");
  });

  it('replaces markers, not question marks inside literals', () => {
    const compiled = compileSql("SELECT '?' FROM t WHERE a = :bucket");
    expect(inlineLiterals(compiled, ["it's"])).toBe("SELECT '?' FROM t WHERE a = 'it''s'");
  });
});
