/** Types of node-flags.mjs (plain JS: it runs before the TypeScript loader starts). */
export declare const SCAN_NODE_FLAGS: readonly string[];
export declare const SCAN_COMMANDS: ReadonlySet<string>;
export declare function needsScanFlags(
  argv: readonly string[],
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean;
