import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { hasPrivilegedRoleName } from '../helpers/privileged-role-name.js';
import { deepField, requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Calls that hand SageMaker a role to run code with, and the field naming what they create. */
const CALLS: ReadonlyMap<string, readonly string[]> = new Map([
  ['CreateNotebookInstance', ['notebookInstanceName']],
  ['CreateTrainingJob', ['trainingJobName']],
  ['CreateProcessingJob', ['processingJobName']],
  ['CreateHyperParameterTuningJob', ['hyperParameterTuningJobName']],
  ['CreateAutoMLJob', ['autoMLJobName']],
  ['CreateAutoMLJobV2', ['autoMLJobName']],
  ['CreateCompilationJob', ['compilationJobName']],
  ['CreateModel', ['modelName']],
  ['CreatePipeline', ['pipelineName']],
  ['CreateDomain', ['domainName']],
  ['UpdateDomain', ['domainId']],
  ['CreateUserProfile', ['userProfileName']],
  ['UpdateUserProfile', ['userProfileName']],
]);

const ROLE_KEYS = ['roleArn', 'executionRoleArn', 'executionRole'];

/** A SageMaker notebook, job, model or Studio user was given a role named like an administrator. */
export const sagemakerPrivilegedRolePassed: Detector = {
  id: 'sagemaker-privileged-role-passed',
  title: 'SageMaker given an administrator-like role',
  severity: 'medium',
  description:
    'A SageMaker notebook instance, training, processing, tuning, AutoML or compilation job, ' +
    'model, pipeline, Studio domain or user profile was created or updated with an execution ' +
    'role whose name suggests administrator rights (admin, poweruser, fullaccess, ' +
    'OrganizationAccountAccessRole...). Whoever can create these and pass the role runs ' +
    "arbitrary code as it (iam:PassRole escalation): a notebook is a shell with the role's " +
    "keys. The role's policies are not in the record, so its name is the only hint. Calls " +
    'through CloudFormation or another AWS service are ignored. Benign causes: data science ' +
    'sandboxes given broad roles, roles named "admin" for the team that owns them.',
  attack: ['T1648', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sagemaker.amazonaws.com', eventNames: [...CALLS.keys()] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const keys = CALLS.get(baseEventName(event.eventName));
    if (!keys) return undefined;
    const role = deepField(event.requestParameters, ROLE_KEYS, 3);
    if (!role || !hasPrivilegedRoleName(role)) return undefined;
    const target = requestField(event, ...keys) ?? 'an unnamed resource';
    return {
      summary: `${principalOf(event)} gave SageMaker ${baseEventName(event.eventName)} ${target} the role ${role}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${role}`,
      resources: [target, role],
    };
  },
};
