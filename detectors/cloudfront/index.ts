export { cloudfrontWafRemoved } from './cloudfront-waf-removed.js';
