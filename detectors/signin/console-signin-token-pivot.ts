import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { signinSucceeded } from '../helpers/signin-outcome.js';
import type { Detector } from '../types.js';

/**
 * The IAM Identity Center portal's own GetSigninToken calls carry this user
 * agent, a Maven placeholder its build never filled in. It is the one caller
 * that routinely turns role credentials into console sessions.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder is the user agent
const IDENTITY_CENTER_PORTAL_AGENT = 'Jersey/${project.version}';

/** Programmatic credentials exchanged for a console sign-in token outside the SSO portal. */
export const consoleSigninTokenPivot: Detector = {
  id: 'console-signin-token-pivot',
  title: 'Console sign-in token created from programmatic credentials',
  severity: 'medium',
  description:
    'GetSigninToken on the federation endpoint turned temporary credentials (from AssumeRole ' +
    'or GetFederationToken) into a console session, and the caller was not the IAM Identity ' +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder is the user agent
    'Center portal (whose calls carry the user agent Jersey/${project.version}). Attackers with ' +
    'stolen keys use tools such as aws_consoler to get a browser session, which hides the ' +
    'original key behind a federated session and skips console MFA. Benign causes: in-house ' +
    'federation brokers and one-click console links, CLI helpers that open the console ' +
    '(aws-vault login, granted), third-party SSO brokers.',
  attack: ['T1550.001', 'T1021.007'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'signin.amazonaws.com', eventNames: ['GetSigninToken'] }],
  match(event) {
    if (!signinSucceeded(event)) return undefined;
    const agent = event.userAgent ?? '';
    if (agent.includes(IDENTITY_CENTER_PORTAL_AGENT)) return undefined;
    const from = event.sourceIPAddress ?? 'an unknown address';
    return {
      summary: `${principalOf(event)} got a console sign-in token from ${from}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: [principalOf(event)],
    };
  },
};
