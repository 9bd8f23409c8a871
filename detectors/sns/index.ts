export { snsSubscriptionExternalEndpoint } from './sns-subscription-external-endpoint.js';
