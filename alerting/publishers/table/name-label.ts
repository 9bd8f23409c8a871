import { cellWidth, ELLIPSIS, fitEnd, fitMiddle } from './cell-text.js';

/**
 * Actors and resources shortened for a table cell without losing the part that
 * names someone or something: the session name of an assumed role (the person
 * behind `AWSReservedSSO_Admin…`), the user name, the bucket, function or key.
 * What goes first: the partition and region (every row has them), the alert's own
 * account (the row shows it), then the end of the role or path, then the kind
 * (`assumed-role/`, `s3:`). Only a name that cannot fit alone is cut, and then
 * from its middle, so its start and end both stay.
 */

/** A name split for shortening: `front + sep + tail`, the tail being the name. */
export interface NameLabel {
  /** Ways to write what precedes the name, most informative first; each is cut from its end. */
  readonly fronts: readonly Front[];
  readonly sep: string;
  readonly tail: string;
}

interface Front {
  readonly text: string;
  /** Cells that must stay visible for this form to be worth showing rather than the next. */
  readonly keep: number;
}

/** Of a role or path, what is worth keeping before preferring the form without the kind. */
const KEEP_WITH_KIND = 16;
/** Without the kind, any of the role or path is worth showing: `…` at least says there is one. */
const KEEP_WITHOUT_KIND = 1;

/** The ARN fields a table needs; undefined for anything that is not an ARN. */
interface ArnParts {
  readonly service: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:[^:]*:([^:]*):[^:]*:([^:]*):(.*)$/s;

function arnParts(value: string): ArnParts | undefined {
  const match = ARN.exec(value);
  if (!match) return undefined;
  return { service: match[1] ?? '', account: match[2] ?? '', resource: match[3] ?? '' };
}

/**
 * The actor of an alert: an IAM or STS principal ARN written from its resource
 * part (`assumed-role/Role/session`, `user/alice`, `root`), the account kept only
 * when it is not the alert's (a cross-account actor is a finding in itself).
 */
export function actorLabel(principal: string, alertAccount: string): NameLabel {
  const arn = arnParts(principal);
  if (!arn) return splitName('', principal);
  const lead = foreignAccount(arn.account, alertAccount);
  const keepService = arn.service !== 'iam' && arn.service !== 'sts';
  return splitName(keepService ? `${arn.service}:${lead}` : lead, arn.resource, true);
}

/** A resource: `s3:bucket/key`, `lambda:function:name`, the account only when foreign. */
export function resourceLabel(resource: string, alertAccount: string): NameLabel {
  const arn = arnParts(resource);
  if (!arn) return splitName('', resource);
  return splitName(`${arn.service}:${foreignAccount(arn.account, alertAccount)}`, arn.resource);
}

/** The whole label, unshortened. */
export function labelText(label: NameLabel): string {
  const front = label.fronts[0]?.text ?? '';
  return front ? `${front}${label.sep}${label.tail}` : label.tail;
}

/**
 * The label in at most `width` cells: whole if it fits; else the first front that
 * fits whole beside the whole name; else the first that keeps enough of itself
 * beside it; else `…/` and the name; else the name alone, cut from its middle. The name never disappears while `width` ≥ 3.
 */
export function fitLabel(label: NameLabel, width: number): string {
  const whole = labelText(label);
  if (cellWidth(whole) <= width) return whole;
  const beside = (front: Front) =>
    width - cellWidth(label.tail) - (front.text ? cellWidth(label.sep) : 0);
  // A shorter form whole (`github-actions-deploy/GitHubActions`) says more than a cut longer one.
  for (const front of label.fronts) {
    if (cellWidth(front.text) <= beside(front)) return join(front.text, label.sep, label.tail);
  }
  for (const front of label.fronts) {
    const room = beside(front);
    if (room >= front.keep) return join(fitEnd(front.text, room), label.sep, label.tail);
  }
  // No front, or one that may go entirely (`s3:`): the name alone.
  if (!label.fronts.at(-1)?.text) return fitMiddle(label.tail, width);
  const room = width - cellWidth(ELLIPSIS) - cellWidth(label.sep);
  if (cellWidth(label.tail) <= room) return `${ELLIPSIS}${label.sep}${label.tail}`;
  // The name alone is too long: all the room goes to it.
  return fitMiddle(label.tail, width);
}

function join(front: string, sep: string, tail: string): string {
  return front ? `${front}${sep}${tail}` : tail;
}

function foreignAccount(account: string, alertAccount: string): string {
  return account && account !== alertAccount ? `${account}:` : '';
}

/** A version or wildcard ends some ARNs (`layer:name:3`, `log-group:name:*`): the name precedes it. */
const QUALIFIER = /^(?:\d+|\*|\$LATEST)$/;

/** Splits `path` at its last `/` (else its last `:`, skipping a qualifier) into front and name. */
function splitName(lead: string, path: string, kindFirst = false): NameLabel {
  const slash = path.lastIndexOf('/');
  let at = slash >= 0 ? slash : path.lastIndexOf(':');
  if (slash < 0 && at > 0 && QUALIFIER.test(path.slice(at + 1))) {
    at = path.lastIndexOf(':', at - 1);
  }
  const tail = at >= 0 ? path.slice(at + 1) : path;
  if (at < 0 || tail === '') return withFronts(lead, '', '', path, kindFirst);
  return withFronts(lead, path.slice(0, at), path[at] ?? '', tail, kindFirst);
}

/**
 * The fronts of a name: the full one, and, when it has a kind that can go
 * (`assumed-role/` of an actor, `s3:` of a resource), one without it. A foreign
 * account (in `lead`) stays in both.
 */
function withFronts(
  lead: string,
  before: string,
  sep: string,
  tail: string,
  kindFirst: boolean,
): NameLabel {
  // Actors: lead is the foreign account, the path's first segment the kind.
  // Resources: lead is `service:` then the foreign account, the service the kind.
  const service = kindFirst ? '' : (/^[^:]*:/.exec(lead)?.[0] ?? '');
  const account = lead.slice(service.length);
  const slash = kindFirst ? before.indexOf('/') : -1;
  const pathKind = slash >= 0 ? before.slice(0, slash + 1) : '';
  const core = before.slice(pathKind.length);
  let full = `${service}${account}${pathKind}${core}`;
  let short = `${account}${core}`;
  if (!before) {
    // `root`, `s3:bucket`, `999988887777:root`: the lead alone is the front.
    full = full.replace(/:$/, '');
    short = short.replace(/:$/, '');
  }
  const separator = before ? sep : ':';
  const fronts: Front[] = [];
  if (full) {
    fronts.push({
      text: full,
      keep: cellWidth(full) - cellWidth(core) + keepOf(core, KEEP_WITH_KIND),
    });
  }
  if (short !== full && (service || pathKind)) {
    const keep = cellWidth(short) - cellWidth(core) + keepOf(core, KEEP_WITHOUT_KIND);
    fronts.push({ text: short, keep });
  }
  return { fronts, sep: separator, tail };
}

function keepOf(core: string, cells: number): number {
  return Math.min(cellWidth(core), cells);
}
