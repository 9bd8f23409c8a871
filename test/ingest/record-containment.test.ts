import { describe, expect, it } from 'vitest';
import { fromEventBridge } from '../../ingest/eventbridge.js';
import { summarize } from './helpers/collect.js';
import { eventBridgeEvent, record } from './helpers/fixtures.js';

describe('a record that throws while it is checked', () => {
  it('is reported with its index and reason, and the records after it still flow', () => {
    // Prepare: a Lambda hands over whatever it was given; an accessor that throws
    // stands for anything the record check could trip on.
    const poison = {
      ...eventBridgeEvent(record(1)),
      get detail(): unknown {
        throw new RangeError('detail exploded');
      },
    };

    // Act
    const items = fromEventBridge([poison, eventBridgeEvent(record(2))], { object: 'eb:batch' });

    // Assess
    expect(summarize(items)).toEqual(['error invalid-record @0', 'event 1 evt-2', 'end 1/1']);
    const error = items[0]?.kind === 'error' ? items[0].error : undefined;
    expect(error?.message).toBe('eb:batch record 0: record could not be checked: detail exploded');
    expect(error?.cause).toBeInstanceOf(RangeError);
  });
});
