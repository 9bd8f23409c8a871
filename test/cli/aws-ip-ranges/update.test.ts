import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AwsIpRangesDownloadError,
  downloadAwsIpRanges,
} from '../../../cli/aws-ip-ranges/download.js';
import { updateAwsIpRanges } from '../../../cli/aws-ip-ranges/update.js';
import { main } from '../../../cli/main.js';
import { AwsIpRangesFormatError } from '../../../detectors/helpers/aws-ip-ranges-file.js';
import { captureIo, FIXTURE } from './helpers.js';

let cache: string;
let server: Server | undefined;

beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'trailwatch-ip-ranges-'));
  vi.stubEnv('XDG_CACHE_HOME', cache);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await rm(cache, { recursive: true, force: true });
});

/** A loopback server answering every request with `status` and `body`; its URL. */
async function serve(status: number, body: string): Promise<string> {
  const listening = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/ip-ranges.json`;
}

/** A loopback URL nothing listens on. */
async function closedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/ip-ranges.json`;
}

const cachedFile = () => join(cache, 'trailwatch', 'ip-ranges.json');

describe('trailwatch ip-ranges update --from', () => {
  it('imports the file into the cache folder, byte for byte, and says where', async () => {
    const io = captureIo();

    const code = await main(['ip-ranges', 'update', '--from', FIXTURE], io);

    expect(code).toBe(0);
    expect(await readFile(cachedFile(), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'));
    expect(io.out()).toContain(
      'published 2026-12-03T20:53:04Z (syncToken 1764795184; 4 IPv4 and 2 IPv6 prefixes)',
    );
    expect(io.out()).toContain(cachedFile());
  });

  it('refuses a file that is not ip-ranges.json and keeps the cached copy', async () => {
    await main(['ip-ranges', 'update', '--from', FIXTURE], captureIo());
    const bad = join(cache, 'bad.json');
    await writeFile(bad, JSON.stringify({ syncToken: '1', createDate: 'yesterday', prefixes: [] }));
    const io = captureIo();

    const code = await main(['ip-ranges', 'update', '--from', bad], io);

    expect(code).toBe(2);
    expect(io.err()).toContain(`${bad}: "createDate" must read YYYY-MM-DD-hh-mm-ss`);
    expect(await readFile(cachedFile(), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'));
  });

  it('names a missing --from file', async () => {
    const io = captureIo();

    expect(await main(['ip-ranges', 'update', '--from', join(cache, 'nope.json')], io)).toBe(2);
    expect(io.err()).toContain('nope.json: cannot read AWS IP ranges (ENOENT)');
  });
});

describe('downloading ip-ranges.json', () => {
  it('fetches, checks and caches the file', async () => {
    const url = await serve(200, await readFile(FIXTURE, 'utf8'));

    const result = await updateAwsIpRanges({ cacheFile: cachedFile(), url });

    expect(result.ranges.version.syncToken).toBe('1764795184');
    expect(result.source).toBe(url);
    expect(await readFile(cachedFile(), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'));
  });

  it('fails with the URL and the offline way when nothing answers', async () => {
    const url = await closedUrl();

    const error = await downloadAwsIpRanges({ url }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AwsIpRangesDownloadError);
    expect((error as Error).message).toContain(`cannot download ${url} (ECONNREFUSED)`);
    expect((error as Error).message).toContain('trailwatch ip-ranges update --from <file>');
  });

  it('fails on an HTTP error, naming the status', async () => {
    const url = await serve(503, 'Service Unavailable');

    await expect(downloadAwsIpRanges({ url })).rejects.toThrow(/HTTP 503/);
  });

  it('refuses a response that is not the file, caching nothing', async () => {
    const url = await serve(200, '<html>captive portal</html>');

    await expect(updateAwsIpRanges({ cacheFile: cachedFile(), url })).rejects.toBeInstanceOf(
      AwsIpRangesFormatError,
    );
    await expect(readFile(cachedFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
