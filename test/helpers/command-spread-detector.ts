import { asArray, asString, getPath } from '../../detectors/helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../../detectors/helpers/identity.js';
import type { Detector } from '../../detectors/types.js';

/**
 * A test detector with a distinct threshold fed by calls that name several values:
 * one principal running SSM commands on 3 different instances within 5 minutes,
 * however many calls that takes. Each SendCommand names its instances in
 * `instanceIds`; the document `count-me` also counts as a value (the union case).
 */
export const commandSpread: Detector = {
  id: 'test-command-spread',
  title: 'Test: commands on several instances',
  severity: 'medium',
  description: 'Test detector.',
  attack: ['T1651'],
  references: [],
  runbook: 'secrets-access',
  dedupWindowSeconds: 300,
  threshold: { count: 3, windowSeconds: 300, distinct: true },
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['SendCommand'] }],
  match(event) {
    const instances = asArray(getPath(event.requestParameters, 'instanceIds'))
      .map(asString)
      .filter((id): id is string => id !== undefined);
    const document = asString(getPath(event.requestParameters, 'documentName'));
    return {
      summary: `${principalOf(event)} ran ${document} on ${instances.join(', ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: instances,
      distinctValues: instances,
      ...(document === 'count-me' ? { distinctValue: document } : {}),
    };
  },
};
