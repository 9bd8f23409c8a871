import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Test helpers: read back what the generator wrote. */

export type Json = Record<string, unknown>;

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The records of any input form the generator writes. */
export function readRecords(dir: string, key: string): Json[] {
  const raw = readFileSync(join(dir, ...key.split('/')));
  if (key.endsWith('.json.gz'))
    return (JSON.parse(gunzipSync(raw).toString('utf8')) as { Records: Json[] }).Records;
  if (key.endsWith('.jsonl')) {
    return raw
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Json);
  }
  return (JSON.parse(raw.toString('utf8')) as { detail: Json }[]).map((e) => e.detail);
}

/** A gzip file's text. */
export function readGzipText(dir: string, key: string): string {
  return gunzipSync(readFileSync(join(dir, ...key.split('/')))).toString('utf8');
}

export function isLogFile(key: string): boolean {
  return key.includes('/CloudTrail/') && key.endsWith('.json.gz');
}

export interface TruthFile {
  seed: string;
  events: number;
  files: number;
  attacks: {
    eventID: string;
    eventIDs?: string[];
    file: string;
    kind: string;
    eventName: string;
    expect: string[];
  }[];
  decoys: {
    eventID: string;
    file: string;
    kind: string;
    eventName: string;
    decoy: true;
    mustNotFire: string[];
  }[];
  counts: Record<string, number>;
  bytes: Record<string, { stored: number; uncompressed: number; events: number; sha256: string }>;
  extras: Record<string, { file: string; events: number }>;
  organization: { orgId: string; globalRegion: string };
}

export function readTruth(dir: string): TruthFile {
  return JSON.parse(readFileSync(join(dir, '.truth.json'), 'utf8')) as TruthFile;
}
