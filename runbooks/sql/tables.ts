import { isWord, significant, tokenize } from './tokenize.js';
import { TABLE_WINDOWS } from './windows.js';

/** Known tables a query reads (words after FROM/JOIN), in order of first use. */
export function tablesRead(sql: string): string[] {
  const tokens = significant(tokenize(sql));
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const name = token.text.toLowerCase();
    if (
      isWord(tokens[i - 1], 'FROM', 'JOIN') &&
      Object.hasOwn(TABLE_WINDOWS, name) &&
      !out.includes(name)
    ) {
      out.push(name);
    }
  });
  return out;
}
