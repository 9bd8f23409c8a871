import type { CloudTrailEvent } from '../types.js';
import { calledThroughAwsService } from './aws-service-caller.js';

/**
 * Words deployment identities are named after: CI systems, infrastructure-as-code
 * tools and the pipelines themselves. Matched on whole words of the role or user
 * name (`GitHubActionsDeploy`, `terraform-apply`, `ci-runner`), so `Orchestrator`
 * or `Cicada` never pass for a pipeline.
 */
const DEPLOY_WORDS = new Set([
  'deploy',
  'deployer',
  'deployment',
  'pipeline',
  'ci',
  'cd',
  'cicd',
  'github',
  'gitlab',
  'bitbucket',
  'jenkins',
  'circleci',
  'buildkite',
  'terraform',
  'atlantis',
  'spacelift',
  'pulumi',
  'cdk',
  'cloudformation',
  'codebuild',
  'codepipeline',
  'codedeploy',
  'argocd',
  'serverless',
  'sam',
]);

/** IAM names are at most 64 (role) or 128 (session) characters. */
const MAX_NAME_CHARS = 128;

/** `AWSCodeBuildRole` -> `aws code build role`; `ci_runner-2` -> `ci runner 2`. */
function words(name: string): string[] {
  return name
    .slice(0, MAX_NAME_CHARS)
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** `GitHub`, `GitLab`, `CodeBuild` split into two words by case: join neighbours too. */
function namesDeployment(name: string): boolean {
  const parts = words(name);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (DEPLOY_WORDS.has(part) || DEPLOY_WORDS.has(`${part}${parts[i + 1] ?? ''}`)) return true;
  }
  return false;
}

/** The IAM role (for a role session) or user name behind the call. */
function identityName(event: CloudTrailEvent): string | undefined {
  const id = event.userIdentity;
  return id?.sessionContext?.sessionIssuer?.userName ?? id?.userName ?? undefined;
}

/**
 * True when the call looks like a deployment rather than a person or a workload:
 * an AWS service acting for the caller (CloudFormation, CodePipeline through
 * `invokedBy`), or a role or user whose name says CI/CD or infrastructure as code.
 * A naming convention is not proof: an attacker holding the pipeline role passes
 * too, which is why detectors using this say so.
 */
export function isDeployCaller(event: CloudTrailEvent): boolean {
  if (calledThroughAwsService(event)) return true;
  const name = identityName(event);
  return name !== undefined && namesDeployment(name);
}
