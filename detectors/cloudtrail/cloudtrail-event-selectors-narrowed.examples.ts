import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The trail every example reconfigures. */
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`;

/** PutEventSelectors as CloudTrail records it; the response echoes the selectors and the trail ARN. */
export const putEventSelectors = (
  selectors: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'PutEventSelectors',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: { trailName: 'org-trail', ...selectors },
    responseElements: { trailARN: TRAIL_ARN, ...selectors },
    ...overrides,
  });

/** Data events for the objects of one S3 bucket. */
export const s3DataResources = [
  { type: 'AWS::S3::Object', values: ['arn:aws:s3:::payroll-exports/'] },
];

const excludeManagement = {
  eventSelectors: [
    { readWriteType: 'All', includeManagementEvents: false, dataResources: s3DataResources },
  ],
};

/** Advanced selectors adding Lambda data events beside a selector for all management events. */
export const managementAndLambdaData = {
  advancedEventSelectors: [
    {
      name: 'Management events',
      fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }],
    },
    {
      name: 'Lambda invokes',
      fieldSelectors: [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
      ],
    },
  ],
};

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'basic selector excludes management events',
      events: [putEventSelectors(excludeManagement)],
    },
    {
      name: 'advanced selectors keep only S3 data events',
      events: [
        putEventSelectors({
          advancedEventSelectors: [
            {
              name: 'S3 object writes only',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Data'] },
                { field: 'resources.type', equals: ['AWS::S3::Object'] },
              ],
            },
          ],
        }),
      ],
    },
    {
      name: 'denied narrowing (an attempt)',
      events: [failed(putEventSelectors(excludeManagement))],
    },
  ],
  noFire: [
    {
      name: 'data events added, all management events kept',
      events: [
        putEventSelectors({
          eventSelectors: [
            { readWriteType: 'All', includeManagementEvents: true, dataResources: s3DataResources },
          ],
        }),
      ],
    },
    {
      name: 'advanced selectors add Lambda data events beside management events',
      events: [putEventSelectors(managementAndLambdaData)],
    },
    {
      name: 'narrowing rejected as invalid',
      events: [failed(putEventSelectors(excludeManagement), 'InvalidEventSelectorsException')],
    },
  ],
};
