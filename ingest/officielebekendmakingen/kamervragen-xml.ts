import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ParseError } from '../pipeline/format.js';
import { parseLabel, type Description, type Footnote, type KamervragenDoc, type NumberedItem } from './kamervragen-doc.js';
import { koopIdOf, readMetaElements } from './metadata.js';
import { clean } from '../pipeline/safe-xml.js';

/** Text of an element as read, without its footnotes (they are collected separately). */
export function textWithoutNotes(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!('children' in node)) return '';
  const el = node as Element;
  if (el.name === 'noot') return '';
  const inner = el.children.map(textWithoutNotes).join('');
  return el.name === 'al' || el.name === 'noot.al' ? ` ${inner} ` : inner;
}

const paragraphs = ($: CheerioAPI, el: Cheerio<Element>): string[] =>
  el
    .children('al, al-groep, lijst')
    .toArray()
    .map((c) => clean(textWithoutNotes(c)))
    .filter((t) => t !== '');

function readItem($: CheerioAPI, el: Cheerio<Element>, kind: NumberedItem['kind']): NumberedItem {
  let label = clean(el.children('nr').text());
  let paras = paragraphs($, el);
  if (label === '' && paras[0] && parseLabel(paras[0])) [label, ...paras] = paras;
  const parsed = parseLabel(label);
  return { kind, label, numbers: parsed?.numbers ?? [], text: paras.join('\n') };
}

function readFootnotes($: CheerioAPI): Footnote[] {
  return $('noot')
    .toArray()
    .map((n) => {
      const note = $(n);
      const text = clean(note.children('noot\\.al').toArray().map(textWithoutNotes).join(' ')) || clean(note.text());
      const linked = note.find('extref').toArray().map((x) => $(x).attr('doc') ?? $(x).text());
      const written = [...text.matchAll(/https?:\/\/[^\s<>()]+[^\s<>().,;]/g)].map((m) => m[0]);
      return { number: clean(note.children('noot\\.nr').text()), text, urls: [...new Set([...linked, ...written].map(clean).filter((u) => /^https?:\/\//i.test(u)))] };
    });
}

/** Reads a Kamervragen or Aanhangsel publication (`<officiele-publicatie><kamervragen>`). */
export function readKamervragenXml($: CheerioAPI, url: string): KamervragenDoc {
  const root = $('kamervragen').first();
  if (root.length === 0) throw new ParseError(`${url}: no <kamervragen> element`);
  const meta = readMetaElements($, 'metadata > meta');
  const descriptions: Description[] = root
    .children('kamervraagomschrijving')
    .toArray()
    .map((d) => ({
      type: $(d).attr('type'),
      text: clean(textWithoutNotes(d)),
      subject: clean($(d).find('kamervraagonderwerp').first().text()) || undefined,
      date: $(d).find('datum[isodatum]').first().attr('isodatum'),
    }));
  const doc: KamervragenDoc = { koopId: koopIdOf(meta), meta, descriptions, items: [], remarks: [], body: [], footnotes: readFootnotes($) };
  for (const child of root.children().toArray()) {
    const el = $(child);
    const name = child.name;
    if (name === 'vraag') doc.items.push(readItem($, el, 'question'));
    else if (name === 'antwoord') doc.items.push(readItem($, el, 'answer'));
    else if (name === 'kamervraagopmerking') doc.remarks.push(clean(textWithoutNotes(child)));
    else if (name === 'toelichting' || name === 'toelicht') doc.explanation = stripLead(paragraphs($, el).join('\n') || clean(textWithoutNotes(child)));
    else if (name === 'al' || name === 'al-groep' || name === 'tekst' || name === 'ondertekening' || name === 'organisatie')
      doc.body.push(clean(textWithoutNotes(child)));
  }
  return doc;
}

/** Drops a leading "Toelichting:" heading. */
export function stripLead(text: string): string {
  return text.replace(/^\s*toelichting\s*:?\s*/i, '').trim();
}
