import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { guarddutyCall } from './guardduty-findings-archived.examples.js';

const LIST = '0cb0141ab9fbde177613ab9436212e90';
const deleteList = guarddutyCall('DeleteThreatIntelSet', { threatIntelSetId: LIST });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a threat list is deleted', events: [deleteList] },
    {
      name: 'a threat list is deactivated',
      events: [guarddutyCall('UpdateThreatIntelSet', { threatIntelSetId: LIST, activate: false })],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteList, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'a threat list gets a new location',
      events: [
        guarddutyCall('UpdateThreatIntelSet', {
          threatIntelSetId: LIST,
          location: 'https://s3.amazonaws.com/intel-feeds/ips.txt',
          activate: true,
        }),
      ],
    },
    { name: 'the list does not exist', events: [failed(deleteList, 'BadRequestException')] },
  ],
};
