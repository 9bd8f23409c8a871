/**
 * EC2 instance types that cost a lot per hour and that crypto-miners and
 * model-training abusers reach for: accelerated computing (GPU, Inferentia,
 * Trainium, FPGA, video transcoding, Gaudi), high-memory, bare metal, and any
 * size of 24xlarge or more.
 */

/**
 * Families by their name before the generation digit: `p`, `g` (and `gr`),
 * `inf`, `trn`, `dl`, `vt`, `f`, plus the high-memory `x2*` and `u-*`/`u7i-*`.
 * Matched on the family part only, so `m7g` or `c6gn` (Graviton) never match.
 */
const ACCELERATED_OR_HIGH_MEMORY = /^(?:p\d|gr?\d|inf\d|trn\d|dl\d|vt\d|f\d|x2|u\d*[a-z]*-)/;

/** Sizes from which an instance alone costs several dollars an hour. */
const MIN_LARGE_MULTIPLIER = 24;

/** Instance type names are short (`u7in-32tb.224xlarge` is among the longest). */
const MAX_TYPE_CHARS = 40;

/** Why a type is unusual, or undefined when it is an everyday type. */
export type UnusualReason = 'accelerated-or-high-memory' | 'bare-metal' | 'very-large';

/** Classifies an instance type name such as `p5.48xlarge`; undefined for `t3.micro`. */
export function unusualInstanceType(value: unknown): UnusualReason | undefined {
  if (typeof value !== 'string' || value.length > MAX_TYPE_CHARS) return undefined;
  const type = value.trim().toLowerCase();
  const dot = type.indexOf('.');
  if (dot <= 0) return undefined;
  const family = type.slice(0, dot);
  const size = type.slice(dot + 1);
  if (ACCELERATED_OR_HIGH_MEMORY.test(family)) return 'accelerated-or-high-memory';
  if (size.startsWith('metal')) return 'bare-metal';
  const multiplier = /^(\d+)xlarge$/.exec(size)?.[1];
  if (multiplier && Number(multiplier) >= MIN_LARGE_MULTIPLIER) return 'very-large';
  return undefined;
}
