import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { describeTextRisk, textRisks } from '../helpers/container-risk.js';
import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** Document types that run commands on managed nodes or in AWS: the ones worth a look. */
const RUNNABLE_TYPES = new Set(['command', 'session', 'automation']);

/**
 * Plugins and settings that run arbitrary code: shell and PowerShell steps,
 * Automation scripts, sessions that run commands or open a shell profile.
 */
const SHELL_CONTENT =
  /aws:runShellScript|aws:runPowerShellScript|aws:executeScript|aws:runDocument|InteractiveCommands|shellProfile/i;

/** A document body is at most 64 KB (Automation: 128 KB); look no further. */
const MAX_CONTENT_CHARS = 131_072;

/** The document body as text: CloudTrail logs it as the JSON or YAML string the caller sent. */
function contentText(event: CloudTrailEvent): string {
  const content = getPath(event.requestParameters, 'content');
  if (typeof content === 'string') return content.slice(0, MAX_CONTENT_CHARS);
  if (content === undefined || content === null) return '';
  try {
    return JSON.stringify(content).slice(0, MAX_CONTENT_CHARS);
  } catch {
    return '';
  }
}

/** An SSM Command, Session or Automation document was created or given new content. */
export const ssmDocumentCreated: Detector = {
  id: 'ssm-document-created',
  title: 'SSM Command, Session or Automation document created or updated',
  severity: 'low',
  description:
    'CreateDocument or UpdateDocument wrote a Systems Manager document of type Command ' +
    '(the default), Session or Automation. A custom document is a reusable way to run code on ' +
    'every managed node, or in Automation with its own role, and persists beyond the session ' +
    'that created it. Medium when its content runs a shell, PowerShell or Automation script or ' +
    'opens interactive commands; high when it downloads and pipes code to a shell, opens a ' +
    'reverse shell or mines. Documents deployed through ' +
    'CloudFormation or another AWS service (invokedBy) are ignored. Benign causes: operations ' +
    'teams publishing runbooks and maintenance scripts, Session Manager preference documents.',
  attack: ['T1651', 'T1059'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-syntax-data-elements-parameters.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'ssm.amazonaws.com', eventNames: ['CreateDocument', 'UpdateDocument'] },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const api = baseEventName(event.eventName);
    const type =
      requestString(event, 'documentType') ??
      asString(getPath(event.responseElements, 'documentDescription', 'documentType'));
    // UpdateDocument names no type: the document already exists and keeps its own.
    if (api === 'CreateDocument' && type && !RUNNABLE_TYPES.has(type.trim().toLowerCase())) {
      return undefined;
    }
    const name = requestString(event, 'name') ?? 'an unnamed document';
    const content = contentText(event);
    // Scripts on an instance read its own metadata routinely: only mining and fetch-and-run weigh here.
    const risk = textRisks([content]).find((r) => r !== 'credentials-endpoint');
    const runsShell = SHELL_CONTENT.test(content);
    const severity: Severity | undefined = risk ? 'high' : runsShell ? 'medium' : undefined;
    const verb = api === 'UpdateDocument' ? 'updated' : 'created';
    return {
      summary: `${principalOf(event)} ${verb} SSM document ${name}${type ? ` (${type})` : ''}${risk ? `; its content uses ${describeTextRisk(risk)}` : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${name}`,
      resources: [name],
      severity,
    };
  },
};
