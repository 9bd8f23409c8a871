import type { Rng } from './prng.js';
import type { Account, RegionMap, World } from './world.js';

/** Where and when the event being built happens. */
export interface Ctx {
  readonly rng: Rng;
  readonly world: World;
  readonly account: Account;
  readonly region: string;
  /** Event time, epoch milliseconds. */
  readonly time: number;
}

/** The list for `region`; every region of the world has one, this only satisfies the type checker. */
export function listIn<T>(map: RegionMap<T>, region: string): readonly T[] {
  return map[region] ?? (Object.values(map)[0] as readonly T[]);
}

/** One random item of the region's list. */
export function pickIn<T>(ctx: Ctx, map: RegionMap<T>): T {
  return ctx.rng.pick(listIn(map, ctx.region));
}
