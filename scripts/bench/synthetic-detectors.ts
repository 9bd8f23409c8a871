import type { Detector, EventKey } from '../../detectors/types.js';

/** An (eventSource, eventName) pair and how often the corpus has it. */
export interface Pair {
  readonly eventSource: string;
  readonly eventName: string;
  readonly count: number;
}

/** Share of synthetic detectors that listen to one of the corpus's most frequent calls. */
const HOT_SHARE = 0.2;
/** How many of the most frequent pairs count as hot. */
const HOT_PAIRS = 20;

/**
 * A catalog of `n` detectors for the engine-scaling rows: clones of real detectors'
 * predicates under new ids, each listening to one call (research/performance.md's
 * mix: 20 % on the 20 most frequent calls of the corpus, the rest on rarer calls or
 * calls the corpus never has, as most of a real catalog is). Every-event detectors
 * are not cloned: they would measure the predicates, not the index.
 *
 * Real predicates run on events of other calls; they are written to never throw on
 * odd input (CI runs a hostile-input sweep), and their cost is realistic.
 */
export function syntheticDetectors(
  n: number,
  catalog: readonly Detector[],
  pairs: readonly Pair[],
): Detector[] {
  const sources = catalog.filter((d) => !d.listensTo.some(listensToEverything));
  if (sources.length === 0) throw new Error('no indexed detector to clone');
  const byCount = [...pairs].sort((a, b) => b.count - a.count || key(a).localeCompare(key(b)));
  const hot = byCount.slice(0, HOT_PAIRS);
  const rare = [...byCount.slice(HOT_PAIRS), ...catalogPairs(catalog, pairs)];
  const out: Detector[] = [];
  const hotCount = Math.round(n * HOT_SHARE);
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length] as Detector;
    const list = i < hotCount || rare.length === 0 ? hot : rare;
    const pair = list[i % list.length] as Pair;
    const listensTo: EventKey[] = [{ eventSource: pair.eventSource, eventNames: [pair.eventName] }];
    out.push({
      ...source,
      id: `synthetic-${String(i).padStart(3, '0')}-${source.id}`,
      listensTo,
      match: source.match.bind(source),
    });
  }
  return out;
}

/** Pairs real detectors listen to that the corpus lacks (as in a real account: most never occur). */
function catalogPairs(catalog: readonly Detector[], corpus: readonly Pair[]): Pair[] {
  const seen = new Set(corpus.map(key));
  const out: Pair[] = [];
  for (const detector of catalog) {
    for (const listen of detector.listensTo) {
      if (listen.eventNames === '*' || listen.eventSource === '*') continue;
      for (const eventName of listen.eventNames) {
        const pair = { eventSource: listen.eventSource, eventName, count: 0 };
        if (!seen.has(key(pair))) {
          seen.add(key(pair));
          out.push(pair);
        }
      }
    }
  }
  return out;
}

/** `"source:name": count` from the generator's .truth.json `counts`. */
export function pairsFromCounts(counts: Readonly<Record<string, number>>): Pair[] {
  return Object.entries(counts).map(([k, count]) => {
    const at = k.indexOf(':');
    return { eventSource: k.slice(0, at), eventName: k.slice(at + 1), count };
  });
}

function listensToEverything(key: EventKey): boolean {
  return key.eventNames === '*';
}

function key(pair: { eventSource: string; eventName: string }): string {
  return `${pair.eventSource}:${pair.eventName}`;
}
