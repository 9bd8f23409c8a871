import { asArray, asString, getPath, isFalse } from './fields.js';

/**
 * What a trail still records after PutEventSelectors, judged from what the
 * selectors mean rather than how they are spelled. A trail records an event when
 * ANY selector matches it; a selector matches when ALL its field selectors do;
 * a field selector matches when every operator it carries holds (Equals,
 * StartsWith, EndsWith: one of the values; NotEquals, NotStartsWith,
 * NotEndsWith: none of them). Basic selectors (`eventSelectors[]`:
 * `readWriteType`, `includeManagementEvents`, `excludeManagementEventSources`,
 * `dataResources`) are read as the advanced selectors they are equivalent to.
 *
 * Management coverage is found by probing: an event from a service, with a name
 * and a caller no selector mentions, read-only and not; then the same event
 * with each value some selector does mention. A mentioned value whose events
 * are dropped while the anonymous event is kept is an exclusion
 * (`eventSource NotStartsWith iam.`); one whose events are kept while the
 * anonymous event is dropped is the only thing still recorded
 * (`eventSource Equals s3.amazonaws.com`).
 */
export interface TrailRecording {
  readonly management: ManagementRecording;
  /** Resource types (`AWS::S3::Object`, ...) whose data events some selector records. */
  readonly dataResourceTypes: readonly string[];
}

/** A field value a selector names, with `*` where it names a prefix or suffix. */
export interface FieldValue {
  readonly field: string;
  readonly value: string;
}

export interface ManagementRecording {
  /** Read-only management calls (Describe*, Get*, List*) of any service, by any caller. */
  readonly read: boolean;
  /** Mutating management calls of any service, by any caller. */
  readonly write: boolean;
  /** Values whose reads or writes are dropped although reads or writes in general are kept. */
  readonly excluded: readonly FieldValue[];
  /** Values still recorded when management events in general are not. */
  readonly onlyFor: readonly FieldValue[];
}

/** Selector limits: AWS allows 500 conditions per trail; the rest of a hostile record is ignored. */
const MAX_SELECTORS = 50;
const MAX_FIELD_SELECTORS = 20;
const MAX_VALUES = 100;
/**
 * Values kept over the whole request, and values probed: each probe matches every
 * kept value, so these two bound the work a hostile record can cause.
 */
const MAX_TOTAL_VALUES = 1000;
const MAX_PROBED_VALUES = 200;

const OPERATORS = [
  'equals',
  'startsWith',
  'endsWith',
  'notEquals',
  'notStartsWith',
  'notEndsWith',
] as const;
type Operator = (typeof OPERATORS)[number];

interface FieldSelector {
  /** Lower-cased for matching. */
  readonly field: string;
  /** As the request wrote it, for people. */
  readonly fieldShown: string;
  /** Values lower-cased for matching, beside the values as written. */
  readonly operators: ReadonlyMap<Operator, { readonly match: string[]; readonly shown: string[] }>;
}

type Selector = readonly FieldSelector[];

/** A value no selector can name: stands for "a service, event name or caller no one mentioned". */
const UNMENTIONED = '\u0000unmentioned';

function lower(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  return asString(value)?.trim().toLowerCase();
}

function written(value: unknown): string[] {
  return asArray(value)
    .slice(0, MAX_VALUES)
    .map((v) => (typeof v === 'boolean' ? String(v) : asString(v)?.trim()))
    .filter((v): v is string => v !== undefined);
}

function values(value: unknown): string[] {
  return written(value).map((v) => v.toLowerCase());
}

function operatorValues(shown: string[]) {
  return { match: shown.map((v) => v.toLowerCase()), shown };
}

/** Values still to be kept for this request; see {@link MAX_TOTAL_VALUES}. */
interface Budget {
  left: number;
}

function fieldSelector(raw: unknown, budget: Budget): FieldSelector | undefined {
  const fieldShown = asString(getPath(raw, 'field'))?.trim();
  if (!fieldShown) return undefined;
  const operators = new Map<Operator, { match: string[]; shown: string[] }>();
  for (const op of OPERATORS) {
    const given = getPath(raw, op);
    if (given === undefined || given === null) continue;
    const kept = written(given).slice(0, Math.max(0, budget.left));
    budget.left -= kept.length;
    operators.set(op, operatorValues(kept));
  }
  return { field: fieldShown.toLowerCase(), fieldShown, operators };
}

function advancedSelector(raw: unknown, budget: Budget): Selector {
  return asArray(getPath(raw, 'fieldSelectors'))
    .slice(0, MAX_FIELD_SELECTORS)
    .map((fs) => fieldSelector(fs, budget))
    .filter((fs): fs is FieldSelector => fs !== undefined);
}

const equalsOnly = (fieldShown: string, value: string[]): FieldSelector => ({
  field: fieldShown.toLowerCase(),
  fieldShown,
  operators: new Map([['equals', operatorValues(value)]]),
});

/** The advanced equivalent of a basic selector's management part; undefined when it has none. */
function basicSelector(raw: unknown): Selector | undefined {
  if (isFalse(getPath(raw, 'includeManagementEvents'))) return undefined;
  const out: FieldSelector[] = [equalsOnly('eventCategory', ['Management'])];
  const type = lower(getPath(raw, 'readWriteType'));
  if (type === 'readonly') out.push(equalsOnly('readOnly', ['true']));
  if (type === 'writeonly') out.push(equalsOnly('readOnly', ['false']));
  const excluded = written(getPath(raw, 'excludeManagementEventSources'));
  if (excluded.length > 0) {
    out.push({
      field: 'eventsource',
      fieldShown: 'eventSource',
      operators: new Map([['notEquals', operatorValues(excluded)]]),
    });
  }
  return out;
}

function holds(op: Operator, list: readonly string[], value: string): boolean {
  switch (op) {
    case 'equals':
      return list.includes(value);
    case 'startsWith':
      return list.some((v) => value.startsWith(v));
    case 'endsWith':
      return list.some((v) => value.endsWith(v));
    case 'notEquals':
      return !list.includes(value);
    case 'notStartsWith':
      return !list.some((v) => value.startsWith(v));
    case 'notEndsWith':
      return !list.some((v) => value.endsWith(v));
  }
}

type Probe = ReadonlyMap<string, string>;

function matches(selector: Selector, probe: Probe): boolean {
  if (selector.length === 0) return false;
  return selector.every(({ field, operators }) => {
    const value = probe.get(field) ?? UNMENTIONED;
    for (const [op, list] of operators) if (!holds(op, list.match, value)) return false;
    return true;
  });
}

function recorded(selectors: readonly Selector[], probe: Probe): boolean {
  return selectors.some((s) => matches(s, probe));
}

/** Fields whose values a management probe varies; eventCategory and readOnly are fixed per probe. */
const FIXED_FIELDS = new Set(['eventcategory', 'readonly']);

/** How a named value reads to people: prefixes and suffixes get their `*`. */
const SHOWN: Readonly<Record<Operator, (v: string) => string>> = {
  equals: (v) => v,
  notEquals: (v) => v,
  startsWith: (v) => `${v}*`,
  notStartsWith: (v) => `${v}*`,
  endsWith: (v) => `*${v}`,
  notEndsWith: (v) => `*${v}`,
};

/** Every value the selectors name for a field (lower-cased), with the field and value as people read them. */
function candidates(selectors: readonly Selector[]): Map<string, Map<string, FieldValue>> {
  const out = new Map<string, Map<string, FieldValue>>();
  let probed = 0;
  for (const selector of selectors) {
    for (const { field, fieldShown, operators } of selector) {
      if (FIXED_FIELDS.has(field)) continue;
      const known = out.get(field) ?? new Map<string, FieldValue>();
      out.set(field, known);
      for (const [op, { match, shown }] of operators) {
        match.forEach((v, i) => {
          if (probed >= MAX_PROBED_VALUES || known.has(v)) return;
          probed += 1;
          known.set(v, { field: fieldShown, value: SHOWN[op](shown[i] ?? v) });
        });
      }
    }
  }
  return out;
}

function managementRecording(selectors: readonly Selector[]): ManagementRecording {
  const probe = (readOnly: boolean, field?: string, value?: string): Probe => {
    const p = new Map([
      ['eventcategory', 'management'],
      ['readonly', String(readOnly)],
    ]);
    if (field !== undefined && value !== undefined) p.set(field, value);
    return p;
  };
  const read = recorded(selectors, probe(true));
  const write = recorded(selectors, probe(false));
  const excluded: FieldValue[] = [];
  const onlyFor: FieldValue[] = [];
  for (const [field, known] of candidates(selectors)) {
    for (const [value, shown] of known) {
      const kept = [true, false].map((ro) => recorded(selectors, probe(ro, field, value)));
      const [keptRead, keptWrite] = kept;
      if ((read && !keptRead) || (write && !keptWrite)) excluded.push(shown);
      else if ((!read && keptRead) || (!write && keptWrite)) onlyFor.push(shown);
    }
  }
  return { read, write, excluded, onlyFor };
}

function dataTypes(advanced: readonly unknown[], basic: readonly unknown[]): string[] {
  const types = new Set<string>();
  for (const raw of advanced) {
    const fields = asArray(getPath(raw, 'fieldSelectors'));
    const isData = fields.some(
      (fs) =>
        lower(getPath(fs, 'field')) === 'eventcategory' &&
        values(getPath(fs, 'equals')).includes('data'),
    );
    if (!isData) continue;
    for (const fs of fields) {
      if (lower(getPath(fs, 'field')) !== 'resources.type') continue;
      for (const t of asArray(getPath(fs, 'equals'))) if (typeof t === 'string') types.add(t);
    }
  }
  for (const raw of basic) {
    for (const resource of asArray(getPath(raw, 'dataResources'))) {
      const t = asString(getPath(resource, 'type'));
      if (t) types.add(t);
    }
  }
  return [...types].slice(0, MAX_VALUES);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * What the trail records after a PutEventSelectors request (as `requestParameters`
 * carries it), or undefined when the request holds no selectors to judge
 * (e.g. `requestParameters: null`). AWS accepts one selector style per request;
 * records may still carry the other key as null or [].
 */
export function whatTrailRecords(requestParameters: unknown): TrailRecording | undefined {
  const basic = getPath(requestParameters, 'eventSelectors');
  const advanced = getPath(requestParameters, 'advancedEventSelectors');
  const advancedList = asArray(advanced).slice(0, MAX_SELECTORS);
  const basicList = asArray(basic).slice(0, MAX_SELECTORS);
  let selectors: Selector[];
  const budget: Budget = { left: MAX_TOTAL_VALUES };
  if (advancedList.length > 0) selectors = advancedList.map((a) => advancedSelector(a, budget));
  else if (present(basic)) {
    selectors = basicList.map(basicSelector).filter((s): s is Selector => s !== undefined);
  } else if (present(advanced)) selectors = [];
  else return undefined;
  return {
    management: managementRecording(selectors),
    dataResourceTypes: dataTypes(advancedList, advancedList.length > 0 ? [] : basicList),
  };
}

/** Read/write coverage alone: see {@link whatTrailRecords}. */
export interface ManagementCoverage {
  readonly read: boolean;
  readonly write: boolean;
}

/** {@link whatTrailRecords}' read/write verdict on management events, or undefined without selectors. */
export function managementCoverage(requestParameters: unknown): ManagementCoverage | undefined {
  const recording = whatTrailRecords(requestParameters);
  if (!recording) return undefined;
  const { read, write } = recording.management;
  return { read, write };
}
