/**
 * Other names of Dutch parliamentary parties, keyed by their usual abbreviation. The graph holds
 * each party's abbreviation and official name; texts also use these.
 */
export const PARTY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  CDA: ['Christen-Democratisch Appèl', 'Christen Democratisch Appèl'],
  ChristenUnie: ['CU'],
  D66: ['Democraten 66'],
  DENK: [],
  FVD: ['FvD', 'Forum voor Democratie'],
  GroenLinks: ['GL'],
  'GroenLinks-PvdA': ['GL-PvdA', 'GL/PvdA', 'PvdA-GroenLinks', 'PvdA/GroenLinks'],
  JA21: [],
  NSC: ['Nieuw Sociaal Contract'],
  BBB: ['BoerBurgerBeweging'],
  PVV: ['Partij voor de Vrijheid'],
  PvdA: ['Partij van de Arbeid'],
  PvdD: ['Partij voor de Dieren'],
  SGP: ['Staatkundig Gereformeerde Partij'],
  SP: ['Socialistische Partij'],
  VVD: ['Volkspartij voor Vrijheid en Democratie'],
  '50PLUS': [],
  BIJ1: [],
  Volt: [],
};

/**
 * The names a party goes by, in lower case, for matching a name a user gives: all of a known
 * party's names when the value is one of them (any case: "nsc", "Nieuw Sociaal Contract"), else
 * the value alone.
 */
export function partyNamesFor(value: string): string[] {
  const given = value.trim().toLowerCase();
  for (const [abbreviation, aliases] of Object.entries(PARTY_ALIASES)) {
    const names = [abbreviation, ...aliases].map((n) => n.toLowerCase());
    if (names.includes(given)) return names;
  }
  return [given];
}
