/** One problem in a config file, located where the file has a position for it. */
export interface ConfigIssue {
  /** 1-based; absent when the text could not be located (e.g. a config given as an object). */
  readonly line?: number;
  readonly column?: number;
  /** Where in the config: `suppressions[0].expires`, `detectors.root-account-used`; empty for the root. */
  readonly path: string;
  readonly message: string;
}

/**
 * A config file is not valid. `message` lists every issue as
 * `source:line:column: path: problem`, so all of them can be fixed in one go.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `${source}: invalid config\n  ${issues.map((i) => formatIssue(source, i)).join('\n  ')}`,
      options,
    );
  }
}

/** `file.yaml:7:5: suppressions[0].reason: required` */
export function formatIssue(source: string, issue: ConfigIssue): string {
  const at = issue.line === undefined ? source : `${source}:${issue.line}:${issue.column ?? 1}`;
  return `${at}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}
