import type { CheerioAPI } from 'cheerio';
import { ParseError } from '../pipeline/format.js';
import { parseLabel, type Footnote, type KamervragenDoc, type NumberedItem } from './kamervragen-doc.js';
import { koopIdOf, readMetaElements } from './metadata.js';
import { clean } from '../pipeline/safe-xml.js';
import { stripLead } from './kamervragen-xml.js';

const NOTES = '#noten, .noot, .voet, [class*="voetnoot"], [class*="footnote"]';
const DESCRIPTION = '[class*="kamervraagomschrijving"]';
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd';

function readFootnotes($: CheerioAPI): Footnote[] {
  return $(NOTES)
    .filter((_, el) => $(el).find(NOTES).length === 0)
    .toArray()
    .map((el) => {
      const note = $(el);
      const number = clean(note.find('.nootnum, sup').first().text()).replace(/\D/g, '');
      const text = clean(note.clone().find('.nootnum, sup, .note-close').remove().end().text());
      const urls = note.find('a[href]').toArray().map((a) => $(a).attr('href') ?? '');
      const written = [...text.matchAll(/https?:\/\/[^\s<>()]+[^\s<>().,;]/g)].map((m) => m[0]);
      return { number, text, urls: [...new Set([...urls, ...written])].filter((u) => /^https?:\/\//i.test(u)) };
    })
    .filter((n) => n.text !== '');
}

/**
 * Reads the HTML page of a Kamervragen or Aanhangsel publication: the header paragraph by its class,
 * then the page's paragraphs in order, cut at the "Vraag N" / "Antwoord N" labels.
 */
export function readKamervragenHtml($: CheerioAPI, url: string): KamervragenDoc {
  const meta = readMetaElements($, 'head meta');
  const main = $('#main-column').length > 0 ? $('#main-column') : $('body');
  const descriptions = main
    .find(DESCRIPTION)
    .filter((_, el) => $(el).parents(DESCRIPTION).length === 0)
    .toArray()
    .map((el) => ({ text: clean($(el).clone().find('sup').remove().end().text()) }));
  const doc: KamervragenDoc = { koopId: koopIdOf(meta), meta, descriptions, items: [], remarks: [], body: [], footnotes: readFootnotes($) };
  let current: NumberedItem | undefined;
  let inExplanation = false;
  for (const el of main.find(BLOCKS).toArray()) {
    const block = $(el);
    if (block.parents(`${NOTES}, ${DESCRIPTION}`).length > 0 || block.is(DESCRIPTION) || block.find(BLOCKS).length > 0) continue;
    const text = clean(block.clone().find('sup').remove().end().text());
    if (text === '') continue;
    const label = parseLabel(text);
    if (label) {
      current = { ...label, label: text, text: '' };
      doc.items.push(current);
      inExplanation = false;
    } else if (/^toelichting\b/i.test(text)) {
      inExplanation = true;
      doc.explanation = stripLead(text) || undefined;
    } else if (inExplanation) {
      doc.explanation = [doc.explanation, text].filter(Boolean).join('\n');
    } else if (/^zie ook\b/i.test(text)) {
      doc.remarks.push(text);
    } else if (current) {
      current.text = current.text === '' ? text : `${current.text}\n${text}`;
    } else {
      doc.body.push(text);
    }
  }
  if (doc.descriptions.length === 0 && doc.items.length === 0)
    throw new ParseError(`${url}: HTML page without the expected structure (no kamervraagomschrijving and no "Vraag N" paragraphs)`);
  return doc;
}
