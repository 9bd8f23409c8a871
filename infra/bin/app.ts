import { App } from 'aws-cdk-lib';
import { addSecurityChecks, createTrailwatchStack } from '../lib/trailwatch-app.js';

// Environment-agnostic on purpose: `cdk synth` needs no credentials and no network.
const app = new App();
createTrailwatchStack(app);
addSecurityChecks(app);
