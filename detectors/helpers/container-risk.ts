import { asArray, asString, getPath } from './fields.js';

/**
 * What makes a container definition or a command override dangerous, read from
 * the strings a request carries (image, command, entry point, environment).
 * Shared by the ECS, Batch and SageMaker detectors.
 */

/**
 * Crypto-mining software and protocols by name: miner binaries, mining pool URLs
 * (`stratum+tcp://`), the XMRig-only `--donate-level` flag.
 */
const MINING =
  /xmrig|xmr-stak|cpuminer|minerd|ethminer|nbminer|lolminer|phoenixminer|gminer|nanominer|teamredminer|srbminer|cgminer|bfgminer|nicehash|stratum\+(?:tcp|ssl|tls):\/\/|--donate-level/i;

/**
 * The task-role credentials endpoint of ECS and Batch (169.254.170.2), the EC2
 * instance metadata service (169.254.169.254, fd00:ec2::254) and the variables
 * that point at them: a container told to fetch these reaches a role's keys.
 */
const CREDENTIALS_ENDPOINT =
  /169\.254\.170\.2|169\.254\.169\.254|fd00:ec2::254|AWS_CONTAINER_CREDENTIALS_(?:RELATIVE|FULL)_URI/i;

/** Shell one-liners that fetch and run code or open a reverse shell. */
const FETCH_AND_RUN =
  /(?:curl|wget)[^|;&]{0,300}\|\s*(?:ba|z|da)?sh\b|\/dev\/tcp\/|\bnc(?:at)?\s+-[a-z]*e\b|bash\s+-i\b|base64\s+(?:-d|--decode)[^|;&]{0,100}\|\s*(?:ba)?sh\b/i;

/** Strings longer than this are cut: a real command or image name is far shorter. */
const MAX_TEXT_CHARS = 16_384;
const MAX_ITEMS = 200;

/** The strings of a field that is one string or a list of strings (a command, an entry point). */
export function stringsOf(value: unknown): string[] {
  return asArray(value)
    .slice(0, MAX_ITEMS)
    .map(asString)
    .filter((s): s is string => s !== undefined)
    .map((s) => s.slice(0, MAX_TEXT_CHARS));
}

/** The values of an ECS/Batch `environment` list (`[{name, value}]`). */
export function environmentValues(value: unknown): string[] {
  return asArray(value)
    .slice(0, MAX_ITEMS)
    .flatMap((entry) => [asString(getPath(entry, 'name')), asString(getPath(entry, 'value'))])
    .filter((s): s is string => s !== undefined)
    .map((s) => s.slice(0, MAX_TEXT_CHARS));
}

/** Why some of these strings are dangerous, or undefined when none is. */
export type TextRisk = 'mining' | 'credentials-endpoint' | 'fetch-and-run';

const PATTERNS: readonly (readonly [TextRisk, RegExp])[] = [
  ['mining', MINING],
  ['credentials-endpoint', CREDENTIALS_ENDPOINT],
  ['fetch-and-run', FETCH_AND_RUN],
];

/** Every risk found among `texts`, most telling first. */
export function textRisks(texts: readonly string[]): TextRisk[] {
  return PATTERNS.filter(([, pattern]) => texts.some((t) => pattern.test(t))).map(([risk]) => risk);
}

/** The most telling risk found among `texts`, or undefined. */
export function textRisk(texts: readonly string[]): TextRisk | undefined {
  return textRisks(texts)[0];
}

/** A risk in words, for summaries. */
export function describeTextRisk(risk: TextRisk): string {
  switch (risk) {
    case 'mining':
      return 'crypto-mining software';
    case 'credentials-endpoint':
      return 'the credentials endpoint (169.254.170.2 / 169.254.169.254)';
    case 'fetch-and-run':
      return 'a download piped to a shell or a reverse shell';
  }
}
