import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../detectors/attack-techniques.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import {
  monitoringCoverage,
  tacticCoverage,
  tacticsOf,
  unmappedTechniques,
} from '../../detectors/catalog-coverage.js';
import {
  catalogAsMarkdown,
  DOCS_COMMAND,
  describeDetector,
} from '../../detectors/catalog-render.js';
import { cloudtrailLoggingStopped } from '../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { MONITORING_CONTROLS } from '../../detectors/monitoring-controls.js';
import type { Detector } from '../../detectors/types.js';

const DOCS = join(import.meta.dirname, '../../docs/detectors.md');

/** A detector with everything the renderer must cope with. */
const odd: Detector = {
  ...cloudtrailLoggingStopped,
  id: 'odd-detector',
  title: 'Pipes | and *stars*',
  description: 'Matches AccessDenied* errors; `a|b` stays code. <b>not html</b>',
  attack: ['T1562.008', 'T9999'],
  references: ['CloudWatch.5', 'https://example.com/doc'],
  threshold: { count: 5, windowSeconds: 900, distinct: true },
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [
    { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['StopLogging', 'DeleteTrail'] },
    { eventSource: '*', eventNames: '*' },
  ],
};

describe('ATT&CK technique table', () => {
  it('knows every technique a built-in detector cites', () => {
    expect(unmappedTechniques(BUILTIN_DETECTORS)).toEqual([]);
  });

  it('holds well-formed ids, each with a name and a tactic', () => {
    for (const [id, technique] of Object.entries(TECHNIQUES)) {
      expect(id).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(technique.name.length).toBeGreaterThan(3);
      expect(technique.tactics.length).toBeGreaterThan(0);
    }
  });

  it('lists a sub-technique under its parent technique name', () => {
    for (const [id, technique] of Object.entries(TECHNIQUES)) {
      const parent = TECHNIQUES[id.split('.')[0] ?? ''];
      if (id.includes('.') && parent)
        expect(technique.name.startsWith(`${parent.name}: `)).toBe(true);
    }
  });
});

describe('Coverage', () => {
  it('lists CloudWatch.1 to CloudWatch.14 and CIS 5.15', () => {
    expect(MONITORING_CONTROLS.map((c) => c.id)).toEqual([
      ...Array.from({ length: 14 }, (_, i) => `CloudWatch.${i + 1}`),
      'CIS 5.15',
    ]);
  });

  it('covers every CIS monitoring control with a built-in detector', () => {
    const uncovered = monitoringCoverage(BUILTIN_DETECTORS)
      .filter((c) => c.detectors.length === 0)
      .map((c) => c.control.id);

    expect(uncovered).toEqual([]);
  });

  it('maps a detector to the tactics of its techniques, in kill-chain order', () => {
    expect(tacticsOf({ ...odd, attack: ['T1530', 'T1078.004'] })).toEqual([
      'Initial Access',
      'Persistence',
      'Privilege Escalation',
      'Defense Evasion',
      'Collection',
    ]);
  });

  it('keeps unmapped techniques in a row of their own', () => {
    const rows = tacticCoverage([odd]);

    expect(rows).toHaveLength(15);
    expect(rows.at(-1)).toEqual({
      tactic: undefined,
      techniques: ['T9999'],
      detectors: ['odd-detector'],
    });
    expect(rows.find((r) => r.tactic === 'Defense Evasion')?.techniques).toEqual(['T1562.008']);
  });
});

describe('Function: catalogAsMarkdown', () => {
  const md = catalogAsMarkdown([odd]);

  it('writes a section per detector with severity, techniques, controls, runbook and events', () => {
    expect(md).toContain('### odd-detector');
    expect(md).toContain('| Severity | critical |');
    expect(md).toContain(
      '| ATT&CK | [T1562.008](https://attack.mitre.org/techniques/T1562/008/) Impair Defenses: ' +
        'Disable or Modify Cloud Logs<br>[T9999](https://attack.mitre.org/techniques/T9999/) |',
    );
    expect(md).toContain('| CIS / Security Hub controls | CloudWatch.5 |');
    expect(md).toContain('| Runbook | [cloudtrail-tampering](runbooks/cloudtrail-tampering.md) |');
    expect(md).toContain('| Listens to | cloudtrail: StopLogging, DeleteTrail<br>every event |');
    expect(md).toContain('| References | <https://example.com/doc> |');
  });

  it('describes thresholds and first-seen alerting', () => {
    expect(md).toContain(
      '| Alerting | one alert per dedup key per 1 h; after 5 distinct values within 15 min; ' +
        'only the first time a key is seen (learning 7 d, forgotten after 90 d) |',
    );
  });

  it('escapes Markdown in prose and pipes in tables, leaving code spans alone', () => {
    expect(md).toContain('**Pipes \\| and \\*stars\\***');
    expect(md).toContain(
      'Matches AccessDenied\\* errors; `a|b` stays code. \\<b\\>not html\\</b\\>',
    );
    expect(md).toContain(
      '| [odd-detector](#odd-detector) | critical | Pipes \\| and \\*stars\\* |',
    );
  });

  it('marks uncovered controls and tactics', () => {
    expect(md).toContain('1 of 15 controls covered.');
    expect(md).toContain('| CloudWatch.1 | 5.3 | Root user usage | **not covered** |');
    expect(md).toContain('| Reconnaissance (TA0043) | — | **none** |');
    expect(md).toContain('| Not in the technique table | T9999 | [odd-detector](#odd-detector) |');
  });
});

describe('Function: describeDetector', () => {
  it('includes first-seen settings and nulls for absent ones', () => {
    expect(describeDetector(odd).firstSeen).toEqual({ learningDays: 7, forgetAfterDays: 90 });
    expect(describeDetector(cloudtrailLoggingStopped)).toMatchObject({
      threshold: null,
      firstSeen: null,
    });
  });
});

describe('docs/detectors.md', () => {
  it(`is up to date (regenerate with ${DOCS_COMMAND})`, () => {
    expect(readFileSync(DOCS, 'utf8')).toBe(catalogAsMarkdown(BUILTIN_DETECTORS));
  });
});
