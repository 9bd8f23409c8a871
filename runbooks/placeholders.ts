import { FILTER_PARAMS, type FilterParam, tryNormalizeParam } from './params.js';
import { placeholdersOf, type StepPlaceholder } from './schema.js';
import { shellQuote } from './shell-quote.js';

/**
 * Fills `{name}` placeholders in runbook step commands from alert values. A value
 * is used only when it passes its allow-pattern AND needs no shell quoting, so it
 * can sit anywhere in a command (inside a quoted JSON policy too) without changing
 * how the shell splits it. Anything else stays a visible `<name>` for the reader.
 */
export type PlaceholderValues = Partial<Record<StepPlaceholder | WindowPlaceholder, string>>;

/**
 * The incident window. Step commands write it `<START>`/`<END>` (what the AWS CLI's
 * `--start-time`/`--end-time` take) and the investigation commands `--param
 * start=<START>`: filled when a window is given (`trailwatch runbook --param
 * start=...`), else left for the reader like every other `<NAME>`.
 */
export type WindowPlaceholder = 'start' | 'end';
const WINDOW_MARKS: Readonly<Record<WindowPlaceholder, string>> = {
  start: '<START>',
  end: '<END>',
};

/** What a person may give for placeholders: the filters, the window, IAM user and role names. */
export type PlaceholderInput = Readonly<
  Partial<Record<FilterParam | WindowPlaceholder | 'userName' | 'roleName', unknown>>
>;

/** An IAM user or role name (IAM's own character set and length). */
const IAM_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;

const USER_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:user\/(?:[^/]+\/)*([A-Za-z0-9+=,.@_-]{1,64})$/;
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[^/]+\/)*([A-Za-z0-9+=,.@_-]{1,64})$/;
const SESSION_ARN =
  /^arn:aws(?:-[a-z]+)*:sts::\d{12}:assumed-role\/([A-Za-z0-9+=,.@_-]{1,64})(?:\/.*)?$/;

/** Safe placeholder values from (untrusted) alert fields. */
export function placeholderValues(input: PlaceholderInput): PlaceholderValues {
  const out: PlaceholderValues = {};
  for (const name of [...FILTER_PARAMS, 'start', 'end'] as const) {
    const value = tryNormalizeParam(name, input[name]);
    if (value !== undefined && shellQuote(value) === value) out[name] = value;
  }
  const principal = out.principal ?? '';
  const userName = USER_ARN.exec(principal)?.[1];
  const roleName = ROLE_ARN.exec(principal)?.[1] ?? SESSION_ARN.exec(principal)?.[1];
  if (userName) out.userName = userName;
  if (roleName) out.roleName = roleName;
  // Named outright, they win over names read from the principal's ARN.
  for (const name of ['userName', 'roleName'] as const) {
    const value = input[name];
    if (typeof value === 'string' && IAM_NAME.test(value) && shellQuote(value) === value) {
      out[name] = value;
    }
  }
  return out;
}

/** The command with known values filled in and the rest shown as `<name>`. */
export function fillCommand(command: string, values: PlaceholderValues = {}): string {
  let out = command;
  for (const name of new Set(placeholdersOf(command))) {
    const value = values[name as StepPlaceholder];
    out = out.replaceAll(`{${name}}`, value ?? `<${name}>`);
  }
  for (const [name, mark] of Object.entries(WINDOW_MARKS)) {
    const value = values[name as WindowPlaceholder];
    if (value !== undefined) out = out.replaceAll(mark, value);
  }
  return out;
}

/** `<START>` or `<END>` as given, else the mark the reader fills. */
export function windowValue(name: WindowPlaceholder, values: PlaceholderValues = {}): string {
  return values[name] ?? WINDOW_MARKS[name];
}
