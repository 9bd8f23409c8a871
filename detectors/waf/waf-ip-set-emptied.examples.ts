import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { wafv2Call } from './waf-rule-group-deleted.examples.js';

const updateIpSet = (addresses: string[]) =>
  wafv2Call(
    'UpdateIPSet',
    {
      name: 'incident-blocklist',
      scope: 'REGIONAL',
      id: 'b2c3d4e5-6789-01ab-cdef-EXAMPLE33333',
      addresses,
      lockToken: '1bdcc3e7-1b74-4f1b-af6d-EXAMPLE44444',
    },
    { nextLockToken: '2cedd4f8-2c85-4a2c-b07e-EXAMPLE55555' },
  );

const classicUpdate = (actions: string[]) =>
  wafv2Call(
    'UpdateIPSet',
    {
      iPSetId: 'example1ds3t-46da-4fdb-b8d5-abc321j569j5',
      changeToken: 'b0b5d2f2-46da-4fdb-b8d5-fbd4c466928f',
      updates: actions.map((action, i) => ({
        action,
        iPSetDescriptor: { type: 'IPV4', value: `198.51.100.${i + 1}/32` },
      })),
    },
    { changeToken: 'b0b5d2f2-46da-4fdb-b8d5-fbd4c466928f' },
    { eventSource: 'waf-regional.amazonaws.com' },
  );

export const examples: DetectorExamples = {
  fire: [
    { name: 'the incident block list is emptied', events: [updateIpSet([])] },
    { name: 'a classic IP set loses its addresses', events: [classicUpdate(['DELETE', 'DELETE'])] },
  ],
  noFire: [
    { name: 'an address is added to the block list', events: [updateIpSet(['198.51.100.7/32'])] },
    { name: 'a classic IP set rotates an address', events: [classicUpdate(['DELETE', 'INSERT'])] },
    { name: 'a stale lock token', events: [failed(updateIpSet([]), 'WAFOptimisticLockException')] },
  ],
};
