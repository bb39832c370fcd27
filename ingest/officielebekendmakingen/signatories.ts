import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { parseOfficeList } from './header.js';
import { textWithoutNotes } from './kamervragen-xml.js';
import { clean } from '../pipeline/safe-xml.js';

/** One signature under a Kamerstuk: the office as signed ("De Minister van …,") and the name. */
export interface Signatory {
  /** Normalised office title ("minister van Sociale Zaken en Werkgelegenheid"), when the line names one. */
  officeTitle?: string;
  /** The office line as written. */
  office?: string;
  name?: string;
}

const OFFICE_LINE = /^(?:de\s+)?(?:minister(?:-president)?|staatssecretaris|ministers|voorzitter|griffier)\b/i;

function toSignatory(office: string | undefined, name: string | undefined): Signatory {
  const line = office?.replace(/[,;:]+$/, '').trim();
  const officeTitle = line && /^(?:de\s+)?(?:minister|staatssecretaris)/i.test(line) ? parseOfficeList(line)[0] : undefined;
  return { ...(line ? { office: line } : {}), ...(officeTitle ? { officeTitle } : {}), ...(name ? { name } : {}) };
}

/** `<ondertekening><functie>De Minister</functie> voor …,<naam>…</naam></ondertekening>`: the name elements apart. */
function fromNamed($: CheerioAPI, el: Element): Signatory[] {
  const names = $(el).find('naam').toArray();
  const office = clean(
    $(el)
      .contents()
      .toArray()
      .filter((c) => !(c.type === 'tag' && (c as Element).name === 'naam'))
      .map(textWithoutNotes)
      .join(' '),
  );
  return names.map((n, i) => toSignatory(i === 0 ? office : undefined, clean($(n).children().toArray().map((c) => $(c).text()).join(' ')) || clean($(n).text())));
}

/** `<ondertekening><al>De Minister van …,</al><al>Naam</al></ondertekening>`: each office line with the name under it. */
function fromLines(lines: string[]): Signatory[] {
  const out: Signatory[] = [];
  let office: string | undefined;
  for (const line of lines) {
    if (OFFICE_LINE.test(line)) {
      if (office) out.push(toSignatory(office, undefined));
      office = line;
    } else if (office || out.length === 0) {
      out.push(toSignatory(office, line));
      office = undefined;
    }
  }
  if (office) out.push(toSignatory(office, undefined));
  return out;
}

/** Who signed a Kamerstuk, in order, from its `<ondertekening>` blocks. */
export function readSignatories($: CheerioAPI): Signatory[] {
  return $('stuk ondertekening')
    .toArray()
    .flatMap((el) => {
      if ($(el).find('naam').length > 0) return fromNamed($, el);
      const lines = $(el).find('al').toArray().map((a) => clean(textWithoutNotes(a)));
      return fromLines(lines.length > 0 ? lines : [clean(textWithoutNotes(el))]).filter((s) => s.name || s.office);
    });
}
