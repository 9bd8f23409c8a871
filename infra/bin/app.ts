import { App } from 'aws-cdk-lib';
import { addSecurityChecks, createTrailwatchApp } from '../lib/trailwatch-app.js';

// Environment-agnostic on purpose: `cdk synth` needs no credentials and no network.
const app = new App();
await createTrailwatchApp(app);
addSecurityChecks(app);
