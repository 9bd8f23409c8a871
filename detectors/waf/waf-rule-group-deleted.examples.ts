import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A WAFv2 call with the request given; the response carries only what the API returns. */
export const wafv2Call = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  responseElements: Record<string, unknown> | null = null,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'wafv2.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements,
    ...overrides,
  });

const deleteGroup = wafv2Call('DeleteRuleGroup', {
  name: 'block-sqli',
  scope: 'REGIONAL',
  id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  lockToken: '0adbb2f6-0a63-4e0a-9e5c-EXAMPLE22222',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a WAFv2 rule group is deleted', events: [deleteGroup] },
    {
      name: 'a classic WAF Regional rule group is deleted',
      events: [
        wafv2Call(
          'DeleteRuleGroup',
          {
            ruleGroupId: 'a123fae4-b567-8e90-1234-5ab67ac8ca90',
            changeToken: 'abcd12f2-46da-4fdb-b8d5-fbd4c466928f',
          },
          { changeToken: 'abcd12f2-46da-4fdb-b8d5-fbd4c466928f' },
          { eventSource: 'waf-regional.amazonaws.com' },
        ),
      ],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteGroup, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'a web ACL still references the group',
      events: [failed(deleteGroup, 'WAFAssociatedItemException')],
    },
    {
      name: 'a rule group is created',
      events: [
        wafv2Call('CreateRuleGroup', { name: 'block-sqli', scope: 'REGIONAL', capacity: 50 }),
      ],
    },
  ],
};
