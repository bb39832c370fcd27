import { CHOICE } from '../../src/analysis/vote-tally.js';

/**
 * Zaak.Soort values documented by the Tweede Kamer (opendata.tweedekamer.nl/documentatie/zaak), plus
 * the ones the live data uses beside them ("Overig (openbaar)").
 */
export const ZAAK_SOORTEN: ReadonlySet<string> = new Set([
  'Amendement',
  'Artikelen/onderdelen (wetsvoorstel)',
  'Begroting',
  'Brief Europese Commissie',
  'Brief Kamer',
  'Brief commissie',
  'Brief derden',
  'Brief regering',
  'Brief van lid/fractie/commissie',
  'EU-voorstel',
  'Initiatiefnota',
  'Initiatiefwetgeving',
  'Interpellatie',
  'Lijst met EU-voorstellen',
  'Mondelinge vragen',
  'Motie',
  'Nationale ombudsman',
  'Netwerkverkenning',
  'Nota n.a.v. het (nader/tweede nader/enz.) verslag',
  'Nota van wijziging',
  'Overig',
  'Overig (openbaar)',
  'PKB/Structuurvisie',
  'Parlementair onderzoeksrapport',
  'Position paper',
  'Rapport/brief Algemene Rekenkamer',
  'Rondvraagpunt procedurevergadering',
  'Schriftelijke vragen',
  'Verdrag',
  'Verzoek bij commissie-regeling van werkzaamheden',
  'Verzoek bij regeling van werkzaamheden',
  'Verzoekschrift',
  'Voordrachten en benoemingen',
  'Wetenschappelijke factsheet',
  'Wetenschapstoets',
  'Wetgeving',
  'Wijziging RvO',
  'Wijzigingen voorgesteld door de regering',
]);

export const QUESTION_SOORT = 'Schriftelijke vragen';
export const MOTION_SOORT = 'Motie';

/** Document kinds that become their own node or fold into their case. */
export const DOCUMENT_ROLE: Readonly<Record<string, 'question' | 'answer' | 'laterAnswer' | 'postponement' | 'motion'>> = {
  'Schriftelijke vragen': 'question',
  'Antwoord schriftelijke vragen': 'answer',
  'Antwoord schriftelijke vragen (nader)': 'laterAnswer',
  'Mededeling (uitstel antwoord)': 'postponement',
  Motie: 'motion',
  'Motie (gewijzigd/nader)': 'motion',
};

/** Stemming.Soort → the vote's choice. */
export const VOTE_CHOICE: Readonly<Record<string, string>> = {
  Voor: CHOICE.for,
  Tegen: CHOICE.against,
  'Niet deelgenomen': CHOICE.notVoted,
};
