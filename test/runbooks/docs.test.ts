import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, generatedDocs } from '../../runbooks/generate-docs.js';

describe('docs/runbooks', () => {
  it('matches what the runbook records generate (run npm run runbooks:docs)', () => {
    const expected = generatedDocs();
    const onDisk = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));
    expect(onDisk.sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      expect(readFileSync(join(DOCS_DIR, name), 'utf8'), `docs/runbooks/${name} is stale`).toBe(
        content,
      );
    }
  });
});
