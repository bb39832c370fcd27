export interface Submitter {
  /** The name as the signature block (or else the metadata) writes it. */
  name: string;
  /** The metadata's fuller form ("I. (Inge) van Dijk"), when it could be matched. */
  fullName?: string;
}

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', "'t", 'op', 'du', 'la', 'le', 'von']);

/** "I. (Inge) van Dijk" → "van dijk": initials and parenthesised first names dropped, lower case. */
function surnameKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^(?:[A-Z][a-z]?\.)+$/.test(w))
    .join(' ')
    .toLowerCase();
}

function firstNames(name: string): string[] {
  return [...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!.toLowerCase());
}

/**
 * The short form the signature blocks use, so both sources give one provisional person:
 * "I. (Inge) van Dijk" → "Inge van Dijk", "C.J.M. van Campen" → "van Campen".
 */
export function displayName(metaName: string): string {
  const first = firstNames(metaName)[0];
  const rest = metaName
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^(?:[A-Z][a-z]?\.)+$/.test(w))
    .join(' ');
  return first ? `${first.charAt(0).toUpperCase()}${first.slice(1)} ${rest}` : rest;
}

/** "VAN DER PLAS" → "Van der Plas". */
function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && PARTICLES.has(w) ? w : w.replace(/(^|[-'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())))
    .join(' ');
}

/** Names in a heading such as "MOTIE VAN HET LID VAN CAMPEN C.S." or "GEWIJZIGDE MOTIE VAN DE LEDEN A EN B". */
function namesFromHeading(heading: string): string[] {
  const m = /\bVAN\s+(?:HET\s+LI+D|DE\s+LEDEN|HET)?\s*(.+?)\s*(?:C\.S\.)?\s*(?:TER\s+VERVANGING.*)?$/i.exec(heading);
  if (!m?.[1]) return [];
  return m[1].split(/\s*,\s*|\s+EN\s+/i).map((n) => titleCase(n.trim())).filter(Boolean);
}

/**
 * The submitters in signing order (the first is the Indiener): names from the signature block,
 * each matched to its fuller metadata form; metadata names nobody signed are kept after them; with
 * neither, the names in the heading.
 */
export function matchSubmitters(signatures: string[], metaNames: string[], heading: string): Submitter[] {
  const unused = [...metaNames];
  const out: Submitter[] = [];
  const lead = namesFromHeading(heading);
  // Without a signature block the heading names the Indiener; the metadata lists names alphabetically.
  const names = signatures.length > 0 ? signatures : lead.slice(0, 1).filter(() => metaNames.length > 0);
  for (const name of names) {
    const key = surnameKey(name);
    const byFirstName = unused.findIndex((m) => key.endsWith(surnameKey(m)) && firstNames(m).some((f) => key.startsWith(f)));
    const pick = byFirstName >= 0 ? byFirstName : unused.findIndex((m) => key.endsWith(surnameKey(m)) || surnameKey(m).endsWith(key));
    const fullName = pick >= 0 ? unused.splice(pick, 1)[0] : undefined;
    if (fullName || signatures.length > 0) out.push(fullName ? { name, fullName } : { name });
  }
  for (const m of unused) out.push({ name: displayName(m), fullName: m });
  return out.length > 0 ? out : lead.map((name) => ({ name }));
}
