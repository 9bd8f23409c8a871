/**
 * AWS-owned Systems Manager documents that run whatever the caller passes: a
 * script, a script fetched from S3 or GitHub, a playbook, a Salt state, a Docker
 * command. Sending one is remote code execution on the target.
 */
const SHELL_DOCUMENTS = new Set(
  [
    'AWS-RunShellScript',
    'AWS-RunPowerShellScript',
    'AWS-RunRemoteScript',
    'AWS-RunAnsiblePlaybook',
    'AWS-ApplyAnsiblePlaybooks',
    'AWS-RunSaltState',
    'AWS-RunDockerAction',
  ].map((name) => name.toLowerCase()),
);

/**
 * The document's name as given: a bare name or a document ARN
 * (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`), with any `:version`
 * suffix SSM accepts on names dropped.
 */
export function documentBaseName(document: string): string {
  const afterSlash = document.trim().split('/').pop() ?? '';
  return afterSlash.split(':')[0] ?? afterSlash;
}

/** True for a document that runs caller-supplied code (compared without regard to case). */
export function isShellDocument(document: string | undefined): boolean {
  return document !== undefined && SHELL_DOCUMENTS.has(documentBaseName(document).toLowerCase());
}
