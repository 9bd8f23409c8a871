import type { Detector, EventKey } from '../../detectors/types.js';

/** An (eventSource, eventName) pair and how often the corpus has it. */
export interface Pair {
  readonly eventSource: string;
  readonly eventName: string;
  readonly count: number;
}

/** Detectors on the corpus's most frequent calls: the same ones in every synthetic catalog. */
const HOT_DETECTORS = 10;

/**
 * A catalog of `n` detectors for the engine-scaling rows: clones of real detectors'
 * predicates under new ids, each listening to one call. Every catalog starts with the
 * same 10 detectors on the 10 most frequent calls of the corpus; the others listen to
 * rarer calls, or calls the corpus never has, as most of a real catalog does. So the
 * events the detectors listen to hardly change from 10 to 300 detectors while the
 * catalog grows 30-fold: an indexed engine should cost about the same for all three
 * (issue 8), where a loop over every detector would cost 30 times more. Every-event
 * detectors are not cloned: they would measure their predicates, not the index.
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
  const hot = byCount.slice(0, HOT_DETECTORS);
  // Rarest first: the calls a growing catalog adds are the ones an account seldom makes.
  const rare = [...catalogPairs(catalog, pairs), ...byCount.slice(HOT_DETECTORS).reverse()];
  const out: Detector[] = [];
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length] as Detector;
    const hotOne = i < HOT_DETECTORS || rare.length === 0;
    const pair = (hotOne ? hot[i % hot.length] : rare[(i - HOT_DETECTORS) % rare.length]) as Pair;
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
