/** A record a lazy reader passed over: counted, never parsed. */
export const UNPARSED: unique symbol = Symbol('unparsed record');

/**
 * Reads a whole decompressed document lazily: one entry per record, its parsed value
 * or {@link UNPARSED}; undefined when the document is not one it can split, and the
 * ordinary reader then takes it. See `lazyReaderFor` in detectors/record-filter.ts.
 * Kept apart from the reader itself so bundles that never read lazily (the Lambdas)
 * do not carry it.
 */
export type LazyReader = (body: Buffer) => readonly unknown[] | undefined;
