/**
 * Reads the header sentences of Kamervragen and Aanhangsel publications:
 * "Vragen van de leden Dekker-Abdulaziz en Van Ginneken (beiden D66) aan de Ministers van Justitie en
 * Veiligheid en van Binnenlandse Zaken en Koninkrijksrelaties over … (ingezonden 10 maart 2022)." and
 * "Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid) … (ontvangen 8 juni 2022)."
 */

export interface NamedPerson {
  name: string;
  partyName?: string;
  /** Office title for a person answering ("minister van Justitie en Veiligheid"). */
  officeTitle?: string;
}

const ASKERS = /\bvan\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+aan\s+(?:de|het)\s+/i;
const ADDRESSEES = /\s+aan\s+((?:de|het)\s+.+?)\s+over\s+/i;

/** The askers with their party: "A, B en C (allen VVD)", "A (PVV) en B (SP)". */
export function parseAskers(header: string): NamedPerson[] {
  const segment = ASKERS.exec(header)?.[1];
  if (!segment) return [];
  const out: NamedPerson[] = [];
  const groups = [...segment.matchAll(/([^()]+?)\s*(?:\(([^()]+)\)|$)/g)];
  for (const [, names, party] of groups) {
    const partyName = party?.replace(/^(beiden|beide|allen)\s+/i, '').trim();
    for (const raw of names!.split(/\s*,\s*|\s+en\s+/)) {
      const name = raw.replace(/^en\s+/i, '').trim();
      if (name !== '') out.push(partyName ? { name, partyName } : { name });
    }
  }
  return out;
}

const ROLE = /^(minister-president|ministers?|staatssecretariss(?:en)?|staatssecretaris)\b\s*(.*)$/i;

function singular(role: string): string {
  const r = role.toLowerCase();
  if (r === 'ministers') return 'minister';
  if (r.startsWith('staatssecretaris')) return 'staatssecretaris';
  return r;
}

/** Office titles from a list such as "de Ministers van Justitie en Veiligheid en van Binnenlandse Zaken". */
export function parseOfficeList(list: string): string[] {
  const titles: string[] = [];
  let role = 'minister';
  for (const raw of list.split(/(?:,\s*|\s+en\s+)(?=(?:van|voor|de|het)\s)/i)) {
    const part = raw.replace(/^(?:de|het)\s+/i, '').replace(/[.,;]+$/, '').trim();
    const m = ROLE.exec(part);
    if (m) {
      role = singular(m[1]!);
      titles.push(`${role} ${m[2]}`.trim());
    } else if (/^(van|voor)\s/i.test(part)) {
      titles.push(`${role} ${part}`);
    }
  }
  return titles;
}

/** The offices a question is addressed to. */
export function parseAddressees(header: string): string[] {
  const segment = ADDRESSEES.exec(header)?.[1];
  return segment ? parseOfficeList(segment) : [];
}

/** The subject: what follows "over" up to "(ingezonden …)". */
export function parseSubject(header: string): string | undefined {
  const m = /\s+over\s+(.+?)\s*(?:\((?:ingezonden|ontvangen)\b[^)]*\)\s*)?\.?\s*$/i.exec(header);
  return m?.[1]?.trim();
}

const ANSWERER = /\b(minister-president|minister|staatssecretaris)\s+(?!van\b|voor\b)([^()]+?)\s*\(([^()]+)\)/gi;

/** Who answers or announces a delay, and on whose behalf ("mede namens de Minister van …"). */
export function parseAnswerers(header: string): { persons: NamedPerson[]; offices: string[] } {
  const withoutBehalf = header.split(/\bmede\s+namens\b/i)[0]!;
  const persons = [...withoutBehalf.matchAll(ANSWERER)]
    .filter((m) => !/^(ontvangen|ingezonden)\b/i.test(m[3]!))
    .map((m) => ({ name: m[2]!.trim(), officeTitle: `${singular(m[1]!)} van ${m[3]!.trim()}` }));
  const behalf = /\bmede\s+namens\s+(.+?)\s*(?:\((?:ontvangen|ingezonden)\b[^)]*\))?\s*\.?\s*$/i.exec(header)?.[1];
  return { persons, offices: behalf ? parseOfficeList(behalf) : [] };
}
