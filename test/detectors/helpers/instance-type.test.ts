import { describe, expect, it } from 'vitest';
import { unusualInstanceType } from '../../../detectors/helpers/instance-type.js';

describe('Helper: unusualInstanceType', () => {
  it.each([
    ['p5.48xlarge', 'accelerated-or-high-memory'],
    ['g4dn.xlarge', 'accelerated-or-high-memory'],
    ['gr6.4xlarge', 'accelerated-or-high-memory'],
    ['inf2.xlarge', 'accelerated-or-high-memory'],
    ['trn1n.32xlarge', 'accelerated-or-high-memory'],
    ['dl1.24xlarge', 'accelerated-or-high-memory'],
    ['vt1.3xlarge', 'accelerated-or-high-memory'],
    ['f1.2xlarge', 'accelerated-or-high-memory'],
    ['x2iedn.xlarge', 'accelerated-or-high-memory'],
    ['u-6tb1.metal', 'accelerated-or-high-memory'],
    ['u7i-12tb.224xlarge', 'accelerated-or-high-memory'],
    ['m5.metal', 'bare-metal'],
    ['c7i.metal-24xl', 'bare-metal'],
    ['m6i.24xlarge', 'very-large'],
    ['r7i.48xlarge', 'very-large'],
    ['P3.2XLARGE', 'accelerated-or-high-memory'],
  ])('flags %s as %s', (type, reason) => {
    expect(unusualInstanceType(type)).toBe(reason);
  });

  it.each(['t3.micro', 'm7g.large', 'c6gn.16xlarge', 'm5.12xlarge', 'r6g.2xlarge', 'i4g.large'])(
    'leaves %s alone',
    (type) => {
      expect(unusualInstanceType(type)).toBeUndefined();
    },
  );

  it.each([undefined, null, 3, '', 'p5', '.metal', `p5.${'x'.repeat(100)}`])(
    'ignores malformed value %j',
    (value) => {
      expect(unusualInstanceType(value)).toBeUndefined();
    },
  );
});
