export { glueDevEndpointSshAccess } from './glue-dev-endpoint-ssh-access.js';
