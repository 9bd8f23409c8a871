import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../alerting/config/load.js';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';

/** The documented examples must stay valid configs as the schema and catalog change. */
const root = join(import.meta.dirname, '../../..');
const doc = readFileSync(join(root, 'docs/configuration.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const configSection = readme.slice(readme.indexOf('### Configuration'));
const blocks = (language: string, text = doc) =>
  [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (m) => m[1] ?? '',
  );

describe('Documented config examples', () => {
  it.each([...blocks('yaml'), ...blocks('json')].map((text, i) => [i, text] as const))(
    'example %i loads',
    (_i, text) => {
      const config = parseConfig(text, { source: 'docs', catalog: BUILTIN_DETECTORS });
      expect(config.suppressions.length + config.detectors.size).toBeGreaterThan(0);
    },
  );

  it('keeps the README example valid', () => {
    const [example] = blocks('yaml', configSection);
    const config = parseConfig(example ?? '', { source: 'README', catalog: BUILTIN_DETECTORS });
    expect(config.suppressions.map((s) => s.id)).toEqual(['ci-trail-restart']);
  });

  it('has a YAML and a JSON example', () => {
    expect(blocks('yaml').length).toBeGreaterThanOrEqual(1);
    expect(blocks('json').length).toBeGreaterThanOrEqual(1);
  });
});
