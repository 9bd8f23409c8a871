import {
  AWS_IP_RANGES_URL,
  MAX_AWS_IP_RANGES_CHARS,
} from '../../detectors/helpers/aws-ip-ranges-file.js';

/** The download failed: no network, an HTTP error, a timeout or an oversized body. */
export class AwsIpRangesDownloadError extends Error {
  override readonly name = 'AwsIpRangesDownloadError';
}

export interface DownloadOptions {
  /** Where to fetch from; AWS's address unless a test says otherwise. */
  readonly url?: string;
  readonly timeoutMs?: number;
}

/** The file is about 2 MB: a minute is plenty even on a slow link. */
const DEFAULT_TIMEOUT_MS = 60_000;

/** Why fetch failed, in words: Node puts the system error (ENOTFOUND, ECONNREFUSED…) in `cause`. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Downloads ip-ranges.json with Node's fetch (TLS certificates verified, as AWS
 * asks of programs that fetch it) and returns its text, unparsed.
 * @throws AwsIpRangesDownloadError naming the URL and saying what to do offline.
 */
export async function downloadAwsIpRanges(options: DownloadOptions = {}): Promise<string> {
  const url = options.url ?? AWS_IP_RANGES_URL;
  const offline = `where this machine cannot reach it, download ${url} elsewhere and run \`trailwatch ip-ranges update --from <file>\``;
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    throw new AwsIpRangesDownloadError(`cannot download ${url} (${reasonOf(cause)}); ${offline}`, {
      cause,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AwsIpRangesDownloadError(
      `cannot download ${url} (HTTP ${response.status} ${response.statusText}); ${offline}`,
    );
  }
  try {
    return await boundedText(response, url);
  } catch (cause) {
    if (cause instanceof AwsIpRangesDownloadError) throw cause;
    throw new AwsIpRangesDownloadError(`cannot download ${url} (${reasonOf(cause)}); ${offline}`, {
      cause,
    });
  }
}

/** The body as text, refused past the size no real file reaches. */
async function boundedText(response: Response, url: string): Promise<string> {
  const limit = MAX_AWS_IP_RANGES_CHARS;
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () =>
    new AwsIpRangesDownloadError(
      `${url}: the response is larger than ${limit} bytes; not AWS's ip-ranges.json`,
    );
  if (declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}
