import { readFileSync } from 'node:fs';

/** Input files, one path per line in the list file the harness wrote (argv stays short). */
export function readList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

/** Value of `--name value`, or `fallback`. */
export function flag(argv: readonly string[], name: string, fallback?: string): string {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

export function has(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

/**
 * Prints the child's result as the last stdout line, with its own resource usage
 * (the harness uses it where GNU time is missing) and in-process time since start.
 */
export function report(result: Record<string, unknown>): void {
  const usage = process.resourceUsage();
  const rusage = {
    cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssKiB: usage.maxRSS,
  };
  process.stdout.write(`${JSON.stringify({ ...result, processMs: performance.now(), rusage })}\n`);
}
