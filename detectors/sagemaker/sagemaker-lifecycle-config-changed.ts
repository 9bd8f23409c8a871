import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { describeTextRisk, textRisks } from '../helpers/container-risk.js';
import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** A lifecycle script is at most 16 KB of base64; decode no more. */
const MAX_CONTENT_CHARS = 32_768;

/** The script as text: SageMaker takes it base64-encoded; anything else is read as is. */
function decoded(content: string): string {
  const text = content.slice(0, MAX_CONTENT_CHARS).trim();
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return text;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Every script a notebook or Studio lifecycle configuration call carries. */
function scriptsOf(event: CloudTrailEvent): string[] {
  const request = event.requestParameters;
  const scripts = ['onCreate', 'onStart']
    .flatMap((hook) => asArray(getPath(request, hook)).slice(0, 10))
    .map((entry) => asString(getPath(entry, 'content')));
  scripts.push(asString(getPath(request, 'studioLifecycleConfigContent')));
  return scripts.filter((s): s is string => s !== undefined).map(decoded);
}

/** The configuration a call writes, or the notebook it attaches one to. */
const TARGETS: ReadonlyMap<string, readonly string[]> = new Map([
  ['CreateNotebookInstanceLifecycleConfig', ['notebookInstanceLifecycleConfigName']],
  ['UpdateNotebookInstanceLifecycleConfig', ['notebookInstanceLifecycleConfigName']],
  ['CreateStudioLifecycleConfig', ['studioLifecycleConfigName']],
  ['UpdateNotebookInstance', ['notebookInstanceName']],
]);

/** A SageMaker lifecycle script was written, or attached to an existing notebook. */
export const sagemakerLifecycleConfigChanged: Detector = {
  id: 'sagemaker-lifecycle-config-changed',
  title: 'SageMaker lifecycle configuration written or attached',
  severity: 'medium',
  description:
    'A notebook instance or Studio lifecycle configuration was created or updated ' +
    '(Create/UpdateNotebookInstanceLifecycleConfig, CreateStudioLifecycleConfig), or ' +
    'UpdateNotebookInstance attached one to an existing notebook. Lifecycle scripts run as root ' +
    "on the notebook at every start, with the notebook's execution role: attaching one to a " +
    'stopped notebook is a known way to run code as a more privileged role and to persist. High ' +
    'when the decoded script pipes a download to a shell, opens a reverse shell or mines. ' +
    'Calls through CloudFormation or another AWS service are ignored. Benign causes: data ' +
    'science platform teams installing packages, auto-stop scripts, proxies and mounts.',
  attack: ['T1059', 'T1037', 'T1648'],
  references: [
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstanceLifecycleConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateNotebookInstance.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sagemaker.amazonaws.com', eventNames: [...TARGETS.keys()] }],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const api = baseEventName(event.eventName);
    const keys = TARGETS.get(api);
    if (!keys) return undefined;
    const target = requestField(event, ...keys) ?? 'an unnamed resource';
    const attached = requestField(event, 'lifecycleConfigName');
    // UpdateNotebookInstance matters only when it attaches a configuration.
    if (api === 'UpdateNotebookInstance' && !attached) return undefined;
    const risk = textRisks(scriptsOf(event)).find((r) => r !== 'credentials-endpoint');
    const severity: Severity | undefined = risk ? 'high' : undefined;
    const what =
      api === 'UpdateNotebookInstance'
        ? `attached lifecycle configuration ${attached} to notebook instance ${target}`
        : `wrote lifecycle configuration ${target} (${api})`;
    return {
      summary: `${principalOf(event)} ${what}${risk ? `; its script uses ${describeTextRisk(risk)}` : ''}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${target}`,
      resources: [target, ...(attached ? [attached] : [])],
    };
  },
};
