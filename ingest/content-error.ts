import type { IngestErrorCode } from './errors.js';

/**
 * Internal: a failure while producing an object's content (reading, inflating,
 * capping), carrying the code the object will be reported with.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError';

  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Maps whatever stopped the content (zlib, the source stream, a cap) to a code and message. */
export function toContentError(error: unknown): ContentError {
  if (error instanceof ContentError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR') {
    return new ContentError(
      'truncated-gzip',
      'gzip stream ends early (truncated object or partial write); fetch the object again',
      { cause: error },
    );
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_NEED_DICT' || code === 'Z_STREAM_ERROR') {
    return new ContentError('corrupt-gzip', `gzip data is corrupt (${detail})`, { cause: error });
  }
  return new ContentError('unreadable', `cannot read the object: ${detail}`, { cause: error });
}
