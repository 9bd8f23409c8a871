import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { handlerDetectors, tunableDetectors } from '../../../infra/handlers/catalog.js';
import { HandlerConfigError, readHandlerConfig } from '../../../infra/handlers/config.js';
import * as breakGlass from '../../../sample-rules/break-glass-role-used.js';
import * as iamChange from '../../../sample-rules/iam-change-outside-pipeline.js';
import { ENV } from './factories.js';

const SAMPLE_MODULES = [
  { file: 'break-glass-role-used.ts', exports: breakGlass },
  { file: 'iam-change-outside-pipeline.ts', exports: iamChange },
];

describe('Bundled user detectors in the handlers', () => {
  it('runs the built-in catalog alone when no rules were bundled', () => {
    expect(handlerDetectors([])).toBe(BUILTIN_DETECTORS);
  });

  it('adds the bundled detectors to the built-in catalog, sorted by id', () => {
    const ids = handlerDetectors(SAMPLE_MODULES).map((d) => d.id);

    expect(ids).toHaveLength(BUILTIN_DETECTORS.length + 2);
    expect(ids).toEqual(
      expect.arrayContaining(['break-glass-role-used', 'iam-change-outside-pipeline']),
    );
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses to start with a bundled rule that is invalid or takes a built-in id', () => {
    const builtinId = BUILTIN_DETECTORS[0]?.id ?? '';
    const taken = {
      file: 'taken.ts',
      exports: { rule: { ...breakGlass.breakGlassRoleUsed, id: builtinId } },
    };
    const broken = { file: 'broken.ts', exports: { rule: { id: 7, listensTo: [] } } };

    expect(() => handlerDetectors([taken, broken])).toThrow(HandlerConfigError);
    expect(() => handlerDetectors([taken, broken])).toThrow(
      new RegExp(
        `taken\\.ts: id "${builtinId}" is already a built-in detector.*broken\\.ts: export rule`,
      ),
    );
  });

  it('lets TRAILWATCH_CONFIG tune user, access-log and invocation-spike detectors', () => {
    // Prepare
    const detectors = handlerDetectors(SAMPLE_MODULES);
    const text = [
      'detectors:',
      '  break-glass-role-used: { severity: critical }',
      '  s3-bucket-enumeration: { enabled: false }',
      '  lambda-invocation-spike: { severity: low }',
    ].join('\n');

    // Act
    const config = readHandlerConfig({ ...ENV, TRAILWATCH_CONFIG: text }, detectors);

    // Assess
    expect(config.detectors.find((d) => d.id === 'break-glass-role-used')?.severity).toBe(
      'critical',
    );
    expect(config.detectors.some((d) => d.id === 's3-bucket-enumeration')).toBe(false);
    expect(config.overrides.get('s3-bucket-enumeration')?.enabled).toBe(false);
    expect(config.overrides.get('lambda-invocation-spike')?.severity).toBe('low');
    // Without the bundle, the user detector's override names nothing known.
    expect(() => readHandlerConfig({ ...ENV, TRAILWATCH_CONFIG: text }, BUILTIN_DETECTORS)).toThrow(
      /break-glass-role-used/,
    );
  });

  it('validates a config against CloudTrail, access-log and spike ids together', () => {
    const ids = tunableDetectors(BUILTIN_DETECTORS).map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining(['s3-bucket-enumeration', 'lambda-invocation-spike']),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
