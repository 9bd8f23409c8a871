import { FILTER_PARAMS, type FilterParam, tryNormalizeParam } from './params.js';
import { placeholdersOf, type StepPlaceholder } from './schema.js';
import { shellQuote } from './shell-quote.js';

/**
 * Fills `{name}` placeholders in runbook step commands from alert values. A value
 * is used only when it passes its allow-pattern AND needs no shell quoting, so it
 * can sit anywhere in a command (inside a quoted JSON policy too) without changing
 * how the shell splits it. Anything else stays a visible `<name>` for the reader.
 */
export type PlaceholderValues = Partial<Record<StepPlaceholder, string>>;

const USER_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:user\/(?:[^/]+\/)*([A-Za-z0-9+=,.@_-]{1,64})$/;
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[^/]+\/)*([A-Za-z0-9+=,.@_-]{1,64})$/;
const SESSION_ARN =
  /^arn:aws(?:-[a-z]+)*:sts::\d{12}:assumed-role\/([A-Za-z0-9+=,.@_-]{1,64})(?:\/.*)?$/;

/** Safe placeholder values from (untrusted) alert fields. */
export function placeholderValues(
  input: Readonly<Partial<Record<FilterParam, unknown>>>,
): PlaceholderValues {
  const out: PlaceholderValues = {};
  for (const name of FILTER_PARAMS) {
    const value = tryNormalizeParam(name, input[name]);
    if (value !== undefined && shellQuote(value) === value) out[name] = value;
  }
  const principal = out.principal ?? '';
  const userName = USER_ARN.exec(principal)?.[1];
  const roleName = ROLE_ARN.exec(principal)?.[1] ?? SESSION_ARN.exec(principal)?.[1];
  if (userName) out.userName = userName;
  if (roleName) out.roleName = roleName;
  return out;
}

/** The command with known values filled in and the rest shown as `<name>`. */
export function fillCommand(command: string, values: PlaceholderValues = {}): string {
  let out = command;
  for (const name of new Set(placeholdersOf(command))) {
    const value = values[name as StepPlaceholder];
    out = out.replaceAll(`{${name}}`, value ?? `<${name}>`);
  }
  return out;
}
