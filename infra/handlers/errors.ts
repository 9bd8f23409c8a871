/** Raised at cold start when the function's environment is wrong: a deploy problem, not data. */
export class HandlerConfigError extends Error {
  override readonly name = 'HandlerConfigError';
}
