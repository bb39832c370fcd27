import { FragmentBuilder, type NodeRef } from '../../src/model/fragment.js';
import { ParseError } from '../pipeline/format.js';
import { addCitationEdges } from './citation-edges.js';
import { parseDutchDate, toIsoDate } from './dates.js';
import { addFootnoteArticles } from './footnote-articles.js';
import { addNamedPerson, addOffice, questionRef } from './graph-refs.js';
import { parseAddressees, parseAskers, parseSubject } from './header.js';
import type { KamervragenDoc, NumberedItem } from './kamervragen-doc.js';
import { all, first } from './metadata.js';
import { matchSubmitters } from './submitters.js';

const ZAAK_NUMBER = /\b(\d{4}Z\d{5})\b/;

/** The Zaak number of the question a publication is about: metadata vraagnummer, the kv-tk id, or a number in the header. */
export function questionNumberOf(doc: KamervragenDoc, koopId: string | undefined): string | undefined {
  const fromMeta = first(doc.meta, 'vraagnummer');
  if (fromMeta && ZAAK_NUMBER.test(fromMeta)) return ZAAK_NUMBER.exec(fromMeta)![1];
  const fromId = koopId && /^kv-tk-(\d{4}Z\d{5})$/i.exec(koopId)?.[1];
  if (fromId) return fromId;
  const inText = [...doc.descriptions.map((d) => d.text), ...doc.body].join(' ');
  return ZAAK_NUMBER.exec(inText)?.[1];
}

/** The numbered sub-questions, in order; an item labelled "Vraag 2 en 3" counts once, under its first number. */
export function subQuestions(items: NumberedItem[]): { number: number; text: string }[] {
  return items.filter((i) => i.kind === 'question').map((i, n) => ({ number: i.numbers[0] ?? n + 1, text: i.text }));
}

/** The document as one text, the property citations and company mentions are found in. */
export function fullText(doc: KamervragenDoc): string {
  const parts = [
    ...doc.descriptions.map((d) => d.text),
    ...doc.body,
    ...doc.items.map((i) => `${i.label}\n${i.text}`),
    ...(doc.explanation ? [`Toelichting:\n${doc.explanation}`] : []),
    ...doc.remarks,
    ...doc.footnotes.map((f) => `${f.number} ${f.text}`),
  ];
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** A written question (kv-…): Question, askers, addressed offices, cited articles and documents. */
export function buildQuestion(doc: KamervragenDoc, koopId: string | undefined, url: string): FragmentBuilder {
  const number = questionNumberOf(doc, koopId);
  if (!number && !koopId) throw new ParseError(`${url}: written question without a vraagnummer or KOOP id`);
  const header = doc.descriptions.find((d) => d.type !== 'antwoord')?.text ?? '';
  const subs = subQuestions(doc.items);
  if (subs.length === 0) throw new ParseError(`${url}: written question without numbered questions ("Vraag 1" …)`);
  const text = fullText(doc);
  const b = new FragmentBuilder();
  const props = {
    number,
    koopId,
    subject: doc.descriptions.find((d) => d.subject)?.subject ?? parseSubject(header) ?? first(doc.meta, 'title'),
    submittedAt: doc.descriptions.find((d) => d.date)?.date ?? toIsoDate(first(doc.meta, 'datumindiening')) ?? parseDutchDate(header),
    parliamentaryYear: first(doc.meta, 'vergaderjaar'),
    text,
    explanation: doc.explanation,
    subQuestionsJson: JSON.stringify(subs),
    subQuestionCount: subs.length,
  };
  b.node('Question', number ?? koopId!, props, { provisional: true });
  const q: NodeRef = number ? questionRef(number) : { label: 'Question', key: 'id', value: koopId! };
  addAskersAndAddressees(b, q, header, all(doc.meta, 'indiener'), all(doc.meta, 'ontvanger'));
  addFootnoteArticles(b, q, doc.footnotes);
  addCitationEdges(b, { ref: q, text, government: false, self: [number ?? '', koopId ?? ''] });
  return b;
}

/**
 * The askers (ASKED, the first as Indiener) and the offices addressed (ADDRESSED_TO) that a sentence
 * such as "Vragen van de leden A en B (beiden D66) aan de Ministers van … over …" names, the
 * metadata's names and addressees completing or standing in for it.
 */
export function addAskersAndAddressees(b: FragmentBuilder, q: NodeRef, header: string, metaNames: string[], metaAddressees: string[]): void {
  addAskers(b, q, header, metaNames);
  const offices = parseAddressees(header);
  for (const title of offices.length > 0 ? offices : metaAddressees) b.edge('ADDRESSED_TO', q, addOffice(b, title));
}

function addAskers(b: FragmentBuilder, q: NodeRef, header: string, metaNames: string[]): void {
  const askers = parseAskers(header);
  const matched = matchSubmitters(askers.map((a) => a.name), metaNames, '');
  const people = matched.map((m, i) => ({ ...m, partyName: askers[i]?.partyName }));
  people.forEach((p, i) => {
    const person = addNamedPerson(b, p.name, { partyName: p.partyName, fullName: p.fullName });
    b.edge('ASKED', person, q, { role: i === 0 ? 'Indiener' : 'Medeindiener', partyName: p.partyName });
  });
}
