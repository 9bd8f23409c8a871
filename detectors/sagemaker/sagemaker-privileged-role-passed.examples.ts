import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** CreateNotebookInstance as SageMaker logs it. */
const notebook = (roleArn: string) =>
  cloudTrailEvent({
    eventSource: 'sagemaker.amazonaws.com',
    eventName: 'CreateNotebookInstance',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      notebookInstanceName: 'scratch',
      instanceType: 'ml.t3.medium',
      roleArn,
      directInternetAccess: 'Enabled',
      rootAccess: 'Enabled',
    },
    responseElements: {
      notebookInstanceArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:notebook-instance/scratch`,
    },
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a notebook with the organisation access role',
      events: [notebook(role('OrganizationAccountAccessRole'))],
    },
    {
      name: 'a Studio user profile whose execution role is nested in its settings',
      events: [
        cloudTrailEvent({
          eventSource: 'sagemaker.amazonaws.com',
          eventName: 'CreateUserProfile',
          userIdentity: identities.iamUser('mallory'),
          requestParameters: {
            domainId: 'd-abcdefghij12',
            userProfileName: 'temp',
            userSettings: { executionRole: role('platform/AdminRole') },
          },
          responseElements: {
            userProfileArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:user-profile/d-abcdefghij12/temp`,
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'a notebook with its own execution role',
      events: [notebook(role('AmazonSageMaker-ExecutionRole-20261120T100000'))],
    },
    { name: 'refused', events: [failed(notebook(role('AdminRole')), 'AccessDeniedException')] },
  ],
};
