import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One process run: what the OS says it cost, and what it printed as its result. */
export interface Sample {
  /** Wall time from spawn to exit, seconds (start-up included). */
  readonly wall: number;
  /** User + system CPU seconds of the process and its children. */
  readonly cpu: number;
  /** Peak resident set size of the largest process, MiB. */
  readonly rssMiB: number;
  /** The last line of stdout parsed as JSON, when it was (the child's own counts). */
  readonly result: Record<string, unknown> | undefined;
  readonly exitCode: number;
  /** Last lines of stderr, for failures. */
  readonly stderr: string;
}

export interface Command {
  readonly argv: readonly string[];
  /** Pin to CPU 0 (taskset) for single-core figures. */
  readonly pin: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

const TIME = '/usr/bin/time';

/** Which measuring tools this machine has. */
export interface Tools {
  readonly time: boolean;
  readonly taskset: boolean;
  readonly jq: boolean;
  readonly zcat: boolean;
}

export function detectTools(): Tools {
  const has = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    return r.error === undefined && r.status === 0;
  };
  return {
    time: existsSync(TIME) && has(TIME, ['-v', 'true']),
    taskset: has('taskset', ['-c', '0', 'true']),
    jq: has('jq', ['--version']),
    zcat: has('zcat', ['--version']),
  };
}

/**
 * Runs one command as its own process, so peak RSS is that method's alone. Under
 * GNU time (`-v`) the OS reports CPU and peak RSS; without it, Node children report
 * `process.resourceUsage()` themselves (their result's `rusage`).
 */
export function measure(command: Command, tools: Tools): Promise<Sample> {
  let argv = [...command.argv];
  if (command.pin && tools.taskset) argv = ['taskset', '-c', '0', ...argv];
  if (tools.time) argv = [TIME, '-v', ...argv];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...command.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      // Keep only the tail: the result is the last line.
      stdout = (stdout + s).slice(-64 * 1024);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-64 * 1024);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const result = lastJson(stdout);
      const usage = tools.time ? fromGnuTime(stderr) : fromResult(result);
      resolve({
        wall,
        cpu: usage.cpu,
        rssMiB: usage.rssMiB,
        result,
        exitCode: code ?? -1,
        stderr: stderr.split('\n').slice(-30).join('\n'),
      });
    });
  });
}

function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n');
  const last = lines[lines.length - 1];
  if (!last?.startsWith('{')) return undefined;
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function fromGnuTime(stderr: string): { cpu: number; rssMiB: number } {
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([0-9.]+)`).exec(stderr);
    return m ? Number(m[1]) : Number.NaN;
  };
  return {
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

function fromResult(result: Record<string, unknown> | undefined): { cpu: number; rssMiB: number } {
  const usage = result?.rusage as { cpu?: number; maxRssKiB?: number } | undefined;
  return { cpu: usage?.cpu ?? Number.NaN, rssMiB: (usage?.maxRssKiB ?? Number.NaN) / 1024 };
}
