import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from './io.js';

/** `--out` names a file the alerts cannot be written to. */
export class OutFileError extends UsageError {
  override readonly name = 'OutFileError';
}

/**
 * Checks that `--out` can be written before a scan that may take minutes starts,
 * without touching the file: a previous alerts file stays as it is if the scan then
 * fails. The final write still reports anything that changes meanwhile.
 *
 * @throws OutFileError naming the path and the reason.
 */
export async function checkOutFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    // Not there yet (or a file stands where a folder should): the folder check says which.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw outError(path, error);
  });
  if (info?.isDirectory()) {
    throw new OutFileError(
      `--out ${path}: is a folder; give a file name, e.g. --out ${join(path, 'alerts.jsonl')}`,
    );
  }
  if (info !== undefined) {
    await access(path, constants.W_OK).catch((error: unknown) => {
      throw outError(path, error);
    });
    return;
  }
  const folder = dirname(path);
  const parent = await stat(folder).catch((error: unknown) => {
    throw outError(path, error, `folder ${folder}: `);
  });
  if (!parent.isDirectory()) {
    throw new OutFileError(`--out ${path}: ${folder} is not a folder`);
  }
  await access(folder, constants.W_OK | constants.X_OK).catch((error: unknown) => {
    throw outError(path, error, `cannot create files in ${folder}: `);
  });
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

function outError(path: string, error: unknown, what = ''): OutFileError {
  const code = codeOf(error);
  const reason =
    (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new OutFileError(`--out ${path}: ${what}${reason}`, { cause: error });
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
