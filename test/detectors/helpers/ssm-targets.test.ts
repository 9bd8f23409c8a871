import { describe, expect, it } from 'vitest';
import { commandTargets } from '../../../detectors/helpers/ssm-targets.js';

describe('Helper: commandTargets', () => {
  it('reads instanceIds, de-duplicated and sorted', () => {
    expect(commandTargets({ instanceIds: ['i-0b', 'i-0a', 'i-0b'] })).toEqual({
      instanceIds: ['i-0a', 'i-0b'],
      selectors: [],
    });
  });

  it('treats an InstanceIds target like instanceIds, except for the * wildcard', () => {
    expect(
      commandTargets({ targets: [{ key: 'InstanceIds', values: ['i-01', 'mi-0123'] }] })
        .instanceIds,
    ).toEqual(['i-01', 'mi-0123']);
    expect(commandTargets({ targets: [{ key: 'InstanceIds', values: ['*'] }] })).toEqual({
      instanceIds: [],
      selectors: ['InstanceIds=*'],
    });
  });

  it('keeps tag and resource-group targets as selectors', () => {
    expect(
      commandTargets({
        targets: [
          { key: 'tag:Env', values: ['prod', 'stage'] },
          { key: 'resource-groups:Name', values: ['web'] },
        ],
      }).selectors,
    ).toEqual(['tag:Env=prod,stage', 'resource-groups:Name=web']);
  });

  it('accepts a single id as a bare string and a single target as an object', () => {
    expect(
      commandTargets({ instanceIds: 'i-01', targets: { key: 'tag:App', values: 'api' } }),
    ).toEqual({ instanceIds: ['i-01'], selectors: ['tag:App=api'] });
  });

  it.each([null, undefined, 'x', { instanceIds: [1, null, ''] }, { targets: [{ key: 'tag:A' }] }])(
    'returns nothing for %j',
    (input) => {
      expect(commandTargets(input)).toEqual({ instanceIds: [], selectors: [] });
    },
  );
});
