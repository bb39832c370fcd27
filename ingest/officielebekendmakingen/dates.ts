const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DUTCH_DATE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i');

/** The first Dutch written date in a text ("8 februari 2022") as YYYY-MM-DD, or undefined. */
export function parseDutchDate(text: string): string | undefined {
  const m = DUTCH_DATE.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** An ISO date or date-time from metadata, reduced to YYYY-MM-DD when it is one; otherwise undefined. */
export function toIsoDate(value: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m?.[1];
}
