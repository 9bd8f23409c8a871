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
      name: 'evasion: advanced management selector drops IAM with eventSource NotStartsWith',
      events: [
        putEventSelectors({
          advancedEventSelectors: [
            {
              name: 'Management events',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Management'] },
                { field: 'eventSource', notStartsWith: ['iam.'] },
              ],
            },
          ],
        }),
      ],
    },
    {
      name: 'evasion: basic selector excludes KMS and RDS Data API events (medium)',
      events: [
        putEventSelectors({
          eventSelectors: [
            {
              readWriteType: 'All',
              includeManagementEvents: true,
              dataResources: [],
              excludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
            },
          ],
        }),
      ],
    },
    {
      name: 'evasion: management events kept for one service only',
      events: [
        putEventSelectors({
          advancedEventSelectors: [
            {
              name: 'S3 management only',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Management'] },
                { field: 'eventSource', equals: ['s3.amazonaws.com'] },
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
      name: 'read and write halves in two selectors, and data events filtered by name',
      events: [
        putEventSelectors({
          advancedEventSelectors: [
            {
              name: 'Management reads',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Management'] },
                { field: 'readOnly', equals: ['true'] },
              ],
            },
            {
              name: 'Management writes',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Management'] },
                { field: 'readOnly', equals: ['false'] },
              ],
            },
            {
              name: 'S3 writes but deletes',
              fieldSelectors: [
                { field: 'eventCategory', equals: ['Data'] },
                { field: 'resources.type', equals: ['AWS::S3::Object'] },
                { field: 'eventName', notEquals: ['GetObject', 'HeadObject'] },
              ],
            },
          ],
        }),
      ],
    },
    {
      name: 'narrowing rejected as invalid',
      events: [failed(putEventSelectors(excludeManagement), 'InvalidEventSelectorsException')],
    },
  ],
};
