import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What was written for one object. */
export interface WrittenFile {
  readonly key: string;
  /** Bytes on disk (compressed for .gz). */
  readonly stored: number;
  /** Bytes of the JSON text before compression. */
  readonly uncompressed: number;
  /** Hex SHA-256 of the uncompressed text (what CloudTrail digests hash). */
  readonly sha256: string;
}

/** gzip header byte 9 names the compressing OS; fixing it keeps output identical across platforms' zlib builds. */
const GZIP_OS_BYTE = 9;
const OS_UNIX = 3;

/**
 * Writes `text` gzip-compressed (level 6, as CloudTrail's files are readable by
 * any gunzip). Node's gzip header carries no file name and a zero mtime, so the
 * bytes depend only on the text.
 */
export function writeGzip(outDir: string, key: string, text: string): WrittenFile {
  const raw = Buffer.from(text, 'utf8');
  const gz = gzipSync(raw, { level: 6 });
  gz[GZIP_OS_BYTE] = OS_UNIX;
  const path = join(outDir, ...key.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gz);
  return {
    key,
    stored: gz.length,
    uncompressed: raw.length,
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}

/** Writes plain text (EventBridge samples, JSON Lines, truth.json). */
export function writeText(outDir: string, key: string, text: string): WrittenFile {
  const raw = Buffer.from(text, 'utf8');
  const path = join(outDir, ...key.split('/'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, raw);
  return {
    key,
    stored: raw.length,
    uncompressed: raw.length,
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}
