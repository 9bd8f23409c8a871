import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { macieCall } from './macie-members-removed.examples.js';

const discoveryOff = macieCall('UpdateAutomatedDiscoveryConfiguration', {
  status: 'DISABLED',
  autoEnableOrganizationMembers: 'NONE',
});
const job = (jobStatus: string) =>
  macieCall('UpdateClassificationJob', { jobId: '3ce05dbb7ec5505def334104bexample', jobStatus });

export const examples: DetectorExamples = {
  fire: [
    { name: 'automated discovery turned off', events: [discoveryOff] },
    { name: 'a classification job cancelled', events: [job('CANCELLED')] },
    { name: 'a classification job paused (low)', events: [job('USER_PAUSED')] },
    {
      name: 'new members no longer get Macie',
      events: [macieCall('UpdateOrganizationConfiguration', { autoEnable: false })],
    },
    {
      name: 'a denied change (an attempt)',
      events: [failed(discoveryOff, 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'a paused job resumed', events: [job('RUNNING')] },
    {
      name: 'automated discovery turned on',
      events: [macieCall('UpdateAutomatedDiscoveryConfiguration', { status: 'ENABLED' })],
    },
    {
      name: 'the job does not exist',
      events: [failed(job('CANCELLED'), 'ResourceNotFoundException')],
    },
  ],
};
