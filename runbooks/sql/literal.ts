/**
 * Athena execution parameters are SQL text, not values: a string must arrive as a
 * quoted literal (`'AssumeRole'`), with each embedded quote doubled. Trino string
 * literals have no backslash escapes, so doubling quotes is the whole encoding.
 */
export function athenaLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
