export * from './address-set.js';
export * from './errors.js';
export * from './glob.js';
export * from './load.js';
export * from './overrides.js';
export * from './schema.js';
export * from './suppress.js';
export * from './suppressing-sink.js';
export type * from './types.js';
