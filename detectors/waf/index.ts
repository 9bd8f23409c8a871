export { wafWebAclRemoved } from './waf-web-acl-removed.js';
