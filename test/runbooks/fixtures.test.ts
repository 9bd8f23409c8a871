import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, fixtureFiles } from '../fixtures/runbooks/generate.js';

describe('runbook fixture logs', () => {
  it('match their generator (npx tsx test/fixtures/runbooks/generate.ts)', () => {
    for (const file of fixtureFiles()) {
      const bytes = readFileSync(join(FIXTURE_ROOT, file.path));
      const text = file.path.endsWith('.gz')
        ? gunzipSync(bytes).toString('utf8')
        : bytes.toString('utf8');
      expect(text, file.path).toBe(file.text);
    }
  });
});
