import {
  describeTextRisk,
  environmentValues,
  stringsOf,
  textRisks,
} from '../helpers/container-risk.js';
import { asArray, asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { hasPrivilegedRoleName } from '../helpers/privileged-role-name.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

/** Linux capabilities that hand a container the host. */
const ESCAPE_CAPABILITIES = new Set(['sys_admin', 'sys_ptrace', 'sys_module', 'all']);
/** Host paths whose mount is the host: its root and the container runtime's socket. */
const HOST_PATHS =
  /^\/(?:$|var\/run\/docker\.sock$|run\/docker\.sock$|run\/containerd|proc$|etc$|root$)/;
/** ECS accepts up to 10 containers and a few dozen volumes; more is not a real request. */
const MAX_ITEMS = 64;

interface Reason {
  readonly what: string;
  readonly severity: Severity;
}

function containerReasons(container: unknown): Reason[] {
  const out: Reason[] = [];
  const name = asString(getPath(container, 'name')) ?? 'a container';
  if (isTrue(getPath(container, 'privileged'))) {
    out.push({ what: `${name} is privileged`, severity: 'high' });
  }
  const added = stringsOf(getPath(container, 'linuxParameters', 'capabilities', 'add'));
  const hostCapabilities = added.filter((c) =>
    ESCAPE_CAPABILITIES.has(c.trim().toLowerCase().replace(/^cap_/, '')),
  );
  if (hostCapabilities.length > 0)
    out.push({ what: `${name} adds ${hostCapabilities.join(', ')}`, severity: 'high' });
  const texts = [
    ...stringsOf(getPath(container, 'image')),
    ...stringsOf(getPath(container, 'command')),
    ...stringsOf(getPath(container, 'entryPoint')),
    ...environmentValues(getPath(container, 'environment')),
  ];
  for (const risk of textRisks(texts)) {
    out.push({ what: `${name} uses ${describeTextRisk(risk)}`, severity: 'high' });
  }
  return out;
}

/** Why a task definition is risky, worst first; empty when it is not. */
function reasonsOf(request: unknown): Reason[] {
  const out: Reason[] = [];
  for (const container of asArray(getPath(request, 'containerDefinitions')).slice(0, MAX_ITEMS)) {
    out.push(...containerReasons(container));
  }
  for (const volume of asArray(getPath(request, 'volumes')).slice(0, MAX_ITEMS)) {
    const path = asString(getPath(volume, 'host', 'sourcePath'))?.trim();
    if (path && HOST_PATHS.test(path))
      out.push({ what: `mounts host path ${path}`, severity: 'high' });
  }
  for (const mode of ['pidMode', 'ipcMode', 'networkMode'] as const) {
    if (asString(getPath(request, mode))?.trim().toLowerCase() === 'host') {
      out.push({ what: `${mode} host`, severity: 'medium' });
    }
  }
  const role = asString(getPath(request, 'taskRoleArn'));
  if (out.length > 0 && role && hasPrivilegedRoleName(role)) {
    out.push({ what: `runs with role ${role}`, severity: 'medium' });
  }
  return out.sort((a, b) => Number(b.severity === 'high') - Number(a.severity === 'high'));
}

/** A task definition runs containers that can take the host, mine, or reach role credentials. */
export const ecsTaskDefinitionRisky: Detector = {
  id: 'ecs-task-definition-risky',
  title: 'ECS task definition with privileged, host-level or mining containers',
  severity: 'high',
  description:
    'RegisterTaskDefinition registered a task whose containers are privileged, add ' +
    'SYS_ADMIN/SYS_PTRACE/SYS_MODULE/ALL capabilities, mount the host root or the Docker ' +
    'socket, name crypto-mining software or pools in their image, command or environment, ' +
    'point at the credentials endpoints (169.254.170.2, 169.254.169.254), or pipe a download to ' +
    'a shell (high); or that share the host PID, IPC or network namespace (medium). Attackers ' +
    'register such tasks to escape to the container host, steal instance and task role ' +
    'credentials, or mine on the account. Benign causes: monitoring and security agents run ' +
    'as daemons (privileged, host PID or network), build tools using Docker-in-Docker.',
  attack: ['T1610', 'T1611', 'T1496'],
  references: [
    'ECS.4',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ecs.amazonaws.com', eventNames: ['RegisterTaskDefinition'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const reasons = reasonsOf(event.requestParameters);
    const first = reasons[0];
    if (!first) return undefined;
    const family = requestField(event, 'family') ?? 'an unnamed family';
    return {
      summary: `${principalOf(event)} registered ECS task definition ${family}: ${reasons
        .slice(0, 3)
        .map((r) => r.what)
        .join('; ')}`,
      severity: first.severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${family}`,
      resources: [family],
    };
  },
};
