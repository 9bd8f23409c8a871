/**
 * POSIX shell quoting for commands printed in alerts and docs. An on-call engineer
 * pastes them into a terminal, and some values come from attacker-controlled
 * CloudTrail fields or local paths: each must stay exactly one argument, with no
 * expansion (`$(...)`, backticks, `$VAR`, globs) and no command separators.
 */

/** Words that need no quoting: nothing a POSIX shell treats specially. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Thrown for a value no shell argument can carry (a NUL byte). */
export class ShellQuoteError extends Error {
  override readonly name = 'ShellQuoteError';
}

/**
 * One shell word for `value`. Plain words stay bare for readability; anything
 * else is wrapped in single quotes, inside which a POSIX shell interprets
 * nothing, and each `'` becomes `'\''` (close, escaped quote, reopen). Newlines
 * and any Unicode stay literal inside the quotes.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) {
    throw new ShellQuoteError('a shell argument cannot contain a NUL byte');
  }
  if (value.length > 0 && PLAIN.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A command line from words, each quoted by {@link shellQuote}. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
