/** One user detector file (or one export in it) could not be used. The other files still load. */
export class UserDetectorError extends Error {
  override readonly name = 'UserDetectorError';
  constructor(
    /** The file at fault, as found under the folder given. */
    readonly file: string,
    /** What is wrong, in words a rule author can act on. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

/** The folder given for user detectors does not exist or is not a folder: a usage error. */
export class UserDetectorsFolderError extends Error {
  override readonly name = 'UserDetectorsFolderError';
  constructor(
    readonly dir: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`--detectors ${dir}: ${reason}`, options);
  }
}

/**
 * Some user detectors failed to load. Commands that run detectors refuse to
 * start rather than run silently without a rule the operator asked for.
 */
export class UserDetectorsLoadError extends Error {
  override readonly name = 'UserDetectorsLoadError';
  constructor(readonly errors: readonly UserDetectorError[]) {
    super(
      `${errors.length} user detector problem(s):\n${errors.map((e) => `  ${e.message}`).join('\n')}`,
    );
  }
}
