export { apigatewayAuthorizationRemoved } from './apigateway-authorization-removed.js';
