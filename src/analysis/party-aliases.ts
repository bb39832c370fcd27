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
