import type { MetaMap } from './metadata.js';

/** A numbered question or answer block ("Vraag 3", "Antwoord 2, 3 en 4"). */
export interface NumberedItem {
  kind: 'question' | 'answer';
  label: string;
  numbers: number[];
  text: string;
}

/** A header paragraph: "Vragen van de leden … (ingezonden …)", "Antwoord van Minister … (ontvangen …)". */
export interface Description {
  /** The element's declared type ("vraag", "antwoord", "mededeling") when the XML gives one. */
  type?: string;
  text: string;
  subject?: string;
  /** ISO date from the markup (datum@isodatum), when present. */
  date?: string;
}

export interface Footnote {
  number: string;
  text: string;
  urls: string[];
}

/**
 * What the XML and the HTML of a Kamervragen or Aanhangsel publication have in common; the graph
 * is built from this, so both representations give the same nodes.
 */
export interface KamervragenDoc {
  koopId?: string;
  meta: MetaMap;
  descriptions: Description[];
  items: NumberedItem[];
  explanation?: string;
  remarks: string[];
  /** Paragraphs that belong to no numbered item (the body of a postponement notice). */
  body: string[];
  footnotes: Footnote[];
}

const LABEL = /^(vraag|vragen|antwoord|antwoorden)\b(?:\s+op\s+(?:de\s+)?(?:vraag|vragen))?\s*(\d[\d\s,]*(?:(?:en|t\/m|tot en met)\s*\d+)?)?\s*[:.]?\s*$/i;

/** Reads a label such as "Vraag 1", "Antwoord 2, 3 en 4" or "Antwoord op vragen 5 t/m 7"; undefined when the text is no label. */
export function parseLabel(text: string): Pick<NumberedItem, 'kind' | 'numbers'> | undefined {
  const m = LABEL.exec(text.trim());
  if (!m) return undefined;
  const kind = /^vra/i.test(m[1]!) ? 'question' : 'answer';
  const spec = m[2] ?? '';
  const nums = [...spec.matchAll(/\d+/g)].map((x) => Number(x[0]));
  const range = /(\d+)\s*(?:t\/m|tot en met)\s*(\d+)/.exec(spec);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    for (let n = from + 1; n < to && to - from < 100; n++) nums.push(n);
  }
  return { kind, numbers: [...new Set(nums)].sort((a, b) => a - b) };
}
