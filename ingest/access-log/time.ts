const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

const TIME = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/**
 * The access-log time (`06/Feb/2019:00:00:38 +0000`, strftime `%d/%b/%Y:%H:%M:%S %z`,
 * without the brackets) as ISO-8601 UTC, or `undefined` when it is not a real date
 * and time in exactly that shape (31/Feb, hour 24 and offsets past ±14:00 included).
 */
export function parseAccessLogTime(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[2] as string];
  if (month === undefined) return undefined;
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetMinutes = Number(m[8]) * 60 + Number(m[9]);
  if (hour > 23 || minute > 59 || second > 59 || Number(m[9]) > 59 || offsetMinutes > 14 * 60) {
    return undefined;
  }
  const local = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March: a date that does not round-trip is not real.
  if (new Date(local).getUTCDate() !== day) return undefined;
  const sign = m[7] === '-' ? -1 : 1;
  return new Date(local - sign * offsetMinutes * 60_000).toISOString();
}
