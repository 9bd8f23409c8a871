import { describe, expect, it } from 'vitest';
import { cloudTrailEvent } from '../../../detectors/examples/events.js';
import { runExamples } from '../../../detectors/examples/run.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { commandSpread } from '../../helpers/command-spread-detector.js';

function sendCommand(instanceIds: unknown, documentName = 'AWS-RunShellScript'): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    requestParameters: { instanceIds, documentName, interactive: false },
  });
}

describe('Function: runExamples with several distinct values per finding', () => {
  it('counts every value of one finding toward a distinct threshold', () => {
    const outcomes = runExamples(commandSpread, {
      fire: [
        { name: 'one call, three instances', events: [sendCommand(['i-1', 'i-2', 'i-3'])] },
        { name: 'two calls', events: [sendCommand(['i-1', 'i-2']), sendCommand(['i-2', 'i-3'])] },
      ],
      noFire: [
        { name: 'one call, two instances', events: [sendCommand(['i-1', 'i-2', 'i-1'])] },
        { name: 'same two again', events: [sendCommand(['i-1', 'i-2']), sendCommand(['i-2'])] },
      ],
    });

    expect(outcomes.map((o) => [o.name, o.passed])).toEqual([
      ['one call, three instances', true],
      ['two calls', true],
      ['one call, two instances', true],
      ['same two again', true],
    ]);
  });

  it('counts distinctValue and distinctValues together', () => {
    const outcomes = runExamples(commandSpread, {
      fire: [{ name: 'union', events: [sendCommand(['i-1', 'i-2'], 'count-me')] }],
      noFire: [],
    });

    expect(outcomes.map((o) => o.passed)).toEqual([true]);
  });

  it('counts findings without a usable value as one shared value, as the aggregator does', () => {
    const outcomes = runExamples(commandSpread, {
      fire: [
        {
          name: 'no value plus two',
          events: [sendCommand([]), sendCommand(['', 7]), sendCommand(['i-1', 'i-2'])],
        },
      ],
      noFire: [{ name: 'no value plus one', events: [sendCommand(null), sendCommand(['i-1'])] }],
    });

    expect(outcomes.map((o) => [o.name, o.passed])).toEqual([
      ['no value plus two', true],
      ['no value plus one', true],
    ]);
  });
});
