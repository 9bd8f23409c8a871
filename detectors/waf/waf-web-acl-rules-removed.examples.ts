import { failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { wafv2Call } from './waf-rule-group-deleted.examples.js';

const visibilityConfig = {
  sampledRequestsEnabled: true,
  cloudWatchMetricsEnabled: true,
  metricName: 'shop-api',
};

const updateWebAcl = (rules: unknown[], defaultAction: Record<string, unknown>) =>
  wafv2Call(
    'UpdateWebACL',
    {
      name: 'shop-api',
      scope: 'REGIONAL',
      id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      defaultAction,
      rules,
      visibilityConfig,
      lockToken: '0adbb2f6-0a63-4e0a-9e5c-EXAMPLE22222',
    },
    { nextLockToken: '3dfee5a9-3d96-4b3d-c18f-EXAMPLE66666' },
  );

const managedRule = {
  name: 'AWS-AWSManagedRulesCommonRuleSet',
  priority: 0,
  statement: {
    managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
  },
  overrideAction: { none: {} },
  visibilityConfig: { ...visibilityConfig, metricName: 'common' },
};

export const examples: DetectorExamples = {
  fire: [
    { name: 'every rule removed, allow by default', events: [updateWebAcl([], { allow: {} })] },
    {
      name: 'a denied emptying (an attempt)',
      events: [failed(updateWebAcl([], { allow: {} }), 'AccessDeniedException')],
    },
  ],
  noFire: [
    { name: 'rules kept', events: [updateWebAcl([managedRule], { allow: {} })] },
    { name: 'no rules but block by default (lockdown)', events: [updateWebAcl([], { block: {} })] },
    {
      name: 'a stale lock token',
      events: [failed(updateWebAcl([], { allow: {} }), 'WAFOptimisticLockException')],
    },
  ],
};
