import { isAwsPublishedLayer } from '../helpers/aws-published-layers.js';
import { accountFromArn, principalOf } from '../helpers/identity.js';
import { functionAccountOf, functionNameOf, layersSetBy } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import type { Detector } from '../types.js';

/** A function now loads a layer published by an account we neither own nor trust. */
export const lambdaForeignLayer: Detector = {
  id: 'lambda-foreign-layer',
  title: 'Lambda function uses a layer from an untrusted account',
  severity: 'high',
  description:
    'CreateFunction or UpdateFunctionConfiguration set layers that include a layer version ' +
    "published by an account that is not the function's, not in trustedLayerPublishers and not " +
    "in trustedAccounts. A layer's code (or extension) runs inside every invocation with the " +
    "function's role and sees its events and secrets; attackers add one for stealthy persistence " +
    'and data theft. Only the layers named in the request are judged, so updates that change ' +
    'environment, memory or code without restating layers never alert. Layers AWS itself ' +
    'publishes (Lambda Insights, the Parameters and Secrets extension, Powertools for Python ' +
    'and TypeScript) are recognised by publisher account and layer name from AWS ' +
    'documentation; the list is short on purpose, and an AWS layer missing from it (ADOT, ' +
    'AppConfig, a new region) alerts until its account is added to trustedLayerPublishers. ' +
    'Benign causes: vendor agents (observability, security) and AWS layers not on the built-in ' +
    'list: add their publisher accounts to trustedLayerPublishers.',
  attack: ['T1525'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html',
    'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'lambda.amazonaws.com',
      eventNames: ['CreateFunction', 'UpdateFunctionConfiguration'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const own = functionAccountOf(event);
    const { trustedLayerPublishers } = ctx.settings;
    const foreign = layersSetBy(event).filter((arn) => {
      const publisher = accountFromArn(arn);
      // A successful call only accepts full layer version ARNs; one without an
      // account is a logging oddity, not evidence of a foreign publisher.
      if (!publisher) return false;
      // Lambda Insights, Powertools...: the most common layers of all, published by AWS.
      if (isAwsPublishedLayer(arn)) return false;
      return (
        !isTrustedAccount(publisher, own, ctx.settings) &&
        !trustedLayerPublishers.includes(publisher)
      );
    });
    if (foreign.length === 0) return undefined;
    const fn = functionNameOf(event) ?? 'unknown function';
    const publishers = [...new Set(foreign.map((arn) => accountFromArn(arn)))].sort();
    const more = foreign.length > 1 ? ` (+${foreign.length - 1} more)` : '';
    return {
      summary: `${principalOf(event)} attached layer ${foreign[0]}${more} from account ${publishers.join(', ')} to function ${fn}`,
      dedupKey: `${own}|${fn}|${publishers.join(',')}`,
      resources: [fn, ...foreign],
    };
  },
};
