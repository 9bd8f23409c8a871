import { Readable } from 'node:stream';

/** One canned HTTP answer. */
export interface CannedResponse {
  readonly statusCode: number;
  readonly headers?: Record<string, string>;
  readonly body: string | Buffer;
}

/**
 * An SDK `requestHandler` that answers from a script instead of the network, so
 * faults are injected below the SDK's own retry middleware: what the SDK retries
 * (throttling, 5xx) and what it does not (403) is the real client's behaviour.
 * The last answer repeats once the script runs out.
 */
export class ScriptedHttpHandler {
  /** Requests seen, as `METHOD path`. */
  readonly requests: string[] = [];

  constructor(private readonly script: readonly CannedResponse[]) {}

  async handle(request: { method: string; path: string }) {
    this.requests.push(`${request.method} ${request.path}`);
    const canned = this.script[Math.min(this.requests.length - 1, this.script.length - 1)];
    if (!canned) throw new Error('empty script');
    return {
      response: {
        statusCode: canned.statusCode,
        headers: { ...canned.headers },
        body: Readable.from([Buffer.from(canned.body)]),
      },
    };
  }
}

/** An SNS query-protocol error document. */
export function snsError(statusCode: number, code: string, message: string): CannedResponse {
  const type = statusCode >= 500 ? 'Receiver' : 'Sender';
  return {
    statusCode,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
  };
}

export const SNS_PUBLISHED: CannedResponse = {
  statusCode: 200,
  headers: { 'content-type': 'text/xml' },
  body: '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
};

/** An S3 REST error document. */
export function s3Error(statusCode: number, code: string, message: string): CannedResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>r-1</RequestId></Error>`,
  };
}

export function s3Object(body: Buffer): CannedResponse {
  return { statusCode: 200, headers: { 'content-length': String(body.length) }, body };
}

/** What every client in these tests needs besides its handler: no real credentials, no network. */
export const OFFLINE = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
} as const;
