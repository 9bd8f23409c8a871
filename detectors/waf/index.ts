export { wafIpSetEmptied } from './waf-ip-set-emptied.js';
export { wafLoggingRemoved } from './waf-logging-removed.js';
export { wafRuleGroupDeleted } from './waf-rule-group-deleted.js';
export { wafWebAclRemoved } from './waf-web-acl-removed.js';
export { wafWebAclRulesRemoved } from './waf-web-acl-rules-removed.js';
