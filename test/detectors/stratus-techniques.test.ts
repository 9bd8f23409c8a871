import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { catalogAsMarkdown } from '../../detectors/catalog-render.js';
import { STRATUS_TECHNIQUES } from '../../detectors/stratus-techniques.js';

const ids = new Set(BUILTIN_DETECTORS.map((d) => d.id));

describe('Stratus Red Team technique map', () => {
  it('names only built-in detectors', () => {
    const unknown = STRATUS_TECHNIQUES.flatMap((t) =>
      t.detectors.filter((id) => !ids.has(id)).map((id) => `${t.id} -> ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('says why for every technique without a detector', () => {
    const silent = STRATUS_TECHNIQUES.filter((t) => t.detectors.length === 0 && !t.gap);
    expect(silent.map((t) => t.id)).toEqual([]);
  });

  it('lists each technique once, with a well-formed id', () => {
    const seen = STRATUS_TECHNIQUES.map((t) => t.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of seen) expect(id).toMatch(/^aws\.[a-z-]+\.[a-z0-9-]+$/);
  });

  it('renders uncovered techniques with their reason when a detector is missing', () => {
    const withoutTrailStop = BUILTIN_DETECTORS.filter((d) => d.id !== 'cloudtrail-logging-stopped');
    const markdown = catalogAsMarkdown(withoutTrailStop);
    const row = markdown.split('\n').find((l) => l.includes('aws.defense-evasion.cloudtrail-stop'));
    expect(row).toContain('**none**');
    expect(catalogAsMarkdown(BUILTIN_DETECTORS)).toMatch(
      /aws\.defense-evasion\.cloudtrail-stop`.*cloudtrail-logging-stopped/,
    );
  });
});
