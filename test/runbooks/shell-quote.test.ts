import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ShellQuoteError, shellCommand, shellQuote } from '../../runbooks/shell-quote.js';

/** What /bin/sh makes of a command line: the argv it would pass, NUL-separated. */
function argvAfterShell(commandLine: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${commandLine}`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

const HOSTILE = [
  "'; rm -rf / #",
  '$(id)',
  '`id`',
  'a\nb; echo pwned',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose
  '${HOME}',
  '* ?[a]',
  'ünïcödé ☃ \u202eevil',
  "it's",
  "''''",
  '\\',
  '--logs',
  '',
  ' leading and trailing ',
  '\t',
];

describe('shellQuote', () => {
  it('keeps each hostile value exactly one argument through a real shell', () => {
    const argv = argvAfterShell(HOSTILE.map(shellQuote).join(' '));
    expect(argv).toEqual(HOSTILE);
  });

  it('leaves plain words bare for readability', () => {
    expect(shellQuote('principal=arn:aws:iam::111122223333:user/alice')).toBe(
      'principal=arn:aws:iam::111122223333:user/alice',
    );
    expect(shellQuote('examples/AWSLogs')).toBe('examples/AWSLogs');
  });

  it('quotes with POSIX single quotes, escaping embedded quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });

  it('refuses a NUL byte, which no shell argument can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(ShellQuoteError);
  });

  it('builds a command whose words survive the shell', () => {
    const words = ['printf-free', '$(id)', "'; rm -rf / #"];
    expect(argvAfterShell(shellCommand(words))).toEqual(words);
  });
});
