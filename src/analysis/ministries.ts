import type { EntityForm } from './mentions.js';

/**
 * Names of Dutch ministries, past and present. Matched as a whole so that a word inside them is
 * never read as a person ("Welzijn" in "Volksgezondheid, Welzijn en Sport").
 */
const MINISTRY_NAMES = [
  'Algemene Zaken',
  'Asiel en Migratie',
  'Binnenlandse Zaken en Koninkrijksrelaties',
  'Buitenlandse Handel en Ontwikkelingssamenwerking',
  'Buitenlandse Zaken',
  'Defensie',
  'Economische Zaken en Klimaat',
  'Economische Zaken, Landbouw en Innovatie',
  'Economische Zaken',
  'Financiën',
  'Infrastructuur en Milieu',
  'Infrastructuur en Waterstaat',
  'Justitie en Veiligheid',
  'Klimaat en Groene Groei',
  'Landbouw, Natuur en Voedselkwaliteit',
  'Landbouw, Visserij, Voedselzekerheid en Natuur',
  'Onderwijs, Cultuur en Wetenschap',
  'Sociale Zaken en Werkgelegenheid',
  'Veiligheid en Justitie',
  'Verkeer en Waterstaat',
  'Volksgezondheid, Welzijn en Sport',
  'Volkshuisvesting en Ruimtelijke Ordening',
  'Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer',
] as const;

/** Shield forms for the ministry names: they claim their words and yield no mention. */
export function ministryShieldForms(): EntityForm[] {
  return MINISTRY_NAMES.map((text) => ({ kind: 'office', entityId: '', text, caseRule: 'proper', confidence: 1, shield: true }));
}
