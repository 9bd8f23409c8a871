import { failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { guarddutyCall } from './guardduty-findings-archived.examples.js';

const disableAdmin = {
  ...guarddutyCall('DisableOrganizationAdminAccount', {}),
  requestParameters: { adminAccountId: OTHER_ACCOUNT },
};

const orgConfig = (request: Record<string, unknown>) =>
  guarddutyCall('UpdateOrganizationConfiguration', request);

export const examples: DetectorExamples = {
  fire: [
    { name: 'the delegated administrator is removed (high)', events: [disableAdmin] },
    {
      name: 'members no longer get GuardDuty (medium)',
      events: [orgConfig({ autoEnableOrganizationMembers: 'NONE' })],
    },
    {
      name: 'the deprecated autoEnable flag set false',
      events: [orgConfig({ autoEnable: false })],
    },
    {
      name: 'runtime monitoring no longer auto-enabled',
      events: [orgConfig({ features: [{ name: 'RUNTIME_MONITORING', autoEnable: 'NONE' }] })],
    },
    {
      name: 'a denied removal (an attempt)',
      events: [failed(disableAdmin, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'every member gets GuardDuty and S3 protection',
      events: [
        orgConfig({
          autoEnableOrganizationMembers: 'ALL',
          features: [{ name: 'S3_DATA_EVENTS', autoEnable: 'ALL' }],
        }),
      ],
    },
    {
      name: 'called outside the management account',
      events: [failed(disableAdmin, 'BadRequestException')],
    },
  ],
};
