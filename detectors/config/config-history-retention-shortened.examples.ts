import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { configCall } from './config-conformance-pack-deleted.examples.js';

/** PutRetentionConfiguration; Config answers with the configuration it keeps. */
const retention = (days: number | string) =>
  configCall(
    'PutRetentionConfiguration',
    { retentionPeriodInDays: days },
    {
      responseElements: {
        retentionConfiguration: { name: 'default', retentionPeriodInDays: days },
      },
    },
  );

export const examples: DetectorExamples = {
  fire: [
    { name: 'retention cut to the 30-day minimum', events: [retention(30)] },
    { name: 'retention as a string', events: [retention('90')] },
    { name: 'a denied cut (an attempt)', events: [failed(retention(30), 'AccessDeniedException')] },
  ],
  noFire: [
    { name: 'retention set to seven years', events: [retention(2557)] },
    {
      name: 'the retention configuration is deleted (back to the default)',
      events: [
        configCall('DeleteRetentionConfiguration', { retentionConfigurationName: 'default' }),
      ],
    },
    {
      name: 'a value out of range',
      events: [failed(retention(7), 'InvalidParameterValueException')],
    },
  ],
};
