import { FragmentBuilder } from '../../src/model/fragment.js';
import { ParseError } from '../pipeline/format.js';
import { addCitationEdges } from './citation-edges.js';
import { parseDutchDate, toIsoDate } from './dates.js';
import { addNamedPerson, addOffice, koopRef, questionRef } from './graph-refs.js';
import { parseAnswerers, parseSubject } from './header.js';
import type { KamervragenDoc, NumberedItem } from './kamervragen-doc.js';
import { first } from './metadata.js';
import { addAskersAndAddressees, fullText, questionNumberOf, subQuestions } from './question-graph.js';

export interface AlignedAnswer {
  number: number;
  question: string;
  /** null when no answer names or follows this sub-question. */
  text: string | null;
}

/**
 * Aligns answers to sub-questions: an answer labelled "Antwoord 2, 3 en 4" answers those numbers; an
 * unlabelled answer answers the questions since the previous answer ("Vraag N" followed by its answer).
 */
export function alignAnswers(items: NumberedItem[]): AlignedAnswer[] {
  const answers = new Map<number, string>();
  let pending: number[] = [];
  for (const item of items) {
    if (item.kind === 'question') pending.push(...(item.numbers.length > 0 ? item.numbers : [pending.length + 1]));
    else {
      for (const n of item.numbers.length > 0 ? item.numbers : pending) answers.set(n, item.text);
      pending = [];
    }
  }
  return subQuestions(items).map((q) => ({ number: q.number, question: q.text, text: answers.get(q.number) ?? null }));
}

/** Whether an Aanhangsel publication is a notice of delay rather than an answer. */
function isPostponement(doc: KamervragenDoc): boolean {
  if (doc.items.some((i) => i.kind === 'answer')) return false;
  const said = [...doc.descriptions.map((d) => `${d.type ?? ''} ${d.text}`), first(doc.meta, 'title') ?? '', ...doc.body].join(' ');
  return /\bmededeling\b|\buitstel\b|niet binnen de (?:gebruikelijke )?termijn/i.test(said);
}

const header = (doc: KamervragenDoc, type: string, lead: RegExp) =>
  doc.descriptions.find((d) => d.type === type) ?? doc.descriptions.find((d) => lead.test(d.text));

/** An answer (ah-…): Answer, ANSWERS the question, ANSWERED_BY persons and offices, citations. */
export function buildAnswer(doc: KamervragenDoc, koopId: string, url: string): FragmentBuilder {
  if (isPostponement(doc)) return buildPostponement(doc, koopId, url);
  const number = questionNumberOf(doc, undefined);
  const answerHead = header(doc, 'antwoord', /^antwoord\b/i);
  const questionHead = header(doc, 'vraag', /^vragen\b/i);
  const aligned = alignAnswers(doc.items);
  if (aligned.length === 0 && !doc.items.some((i) => i.kind === 'answer')) throw new ParseError(`${url}: Aanhangsel without answers or a notice of delay`);
  // The answer's own words: quoted questions (and what they cite) belong to the question, not to the answer.
  const text = [answerHead?.text ?? '', ...doc.body, ...doc.items.filter((i) => i.kind === 'answer').map((i) => `${i.label}\n${i.text}`.trim()), ...doc.remarks]
    .filter((t) => t.trim() !== '')
    .join('\n\n');
  const b = new FragmentBuilder();
  const answer = koopRef('Answer', koopId);
  const receivedAt = answerHead?.date ?? toIsoDate(first(doc.meta, 'datumontvangst')) ?? parseDutchDate(answerHead?.text ?? '');
  b.node('Answer', koopId, {
    koopId,
    questionNumber: number,
    receivedAt,
    text,
    answersJson: JSON.stringify(aligned),
    answeredCount: aligned.filter((a) => a.text !== null).length,
    unansweredNumbers: aligned.filter((a) => a.text === null).map((a) => a.number),
    remarks: doc.remarks,
  }, { provisional: true });
  if (number) {
    const subject = questionHead?.subject ?? parseSubject(questionHead?.text ?? '');
    b.node('Question', number, { number, subject, subQuestionCount: aligned.length || undefined }, { provisional: true });
    b.edge('ANSWERS', answer, questionRef(number));
  }
  const who = parseAnswerers(answerHead?.text ?? '');
  for (const p of who.persons) {
    const person = addNamedPerson(b, p.name);
    b.edge('ANSWERED_BY', answer, person, { role: 'answerer', officeTitle: p.officeTitle });
    if (!p.officeTitle) continue;
    const office = addOffice(b, p.officeTitle);
    b.edge('ANSWERED_BY', answer, office, { role: 'answerer', personName: p.name });
    // The signature shows who held the office on that day; keyed by date as MEMBER_OF observations are.
    b.edge('HOLDS', person, office, { observedAt: receivedAt, personName: p.name }, receivedAt ? `observed:${receivedAt}` : 'observed');
  }
  for (const title of who.offices) b.edge('ANSWERED_BY', answer, addOffice(b, title), { role: 'onBehalfOf' });
  addCitationEdges(b, { ref: answer, text, government: true, self: [koopId, number ?? ''] });
  return b;
}

const REASON = /(?:reden\s+(?:voor|van)\s+(?:het|dit)\s+uitstel\s+is\s+(?:dat\s+)?|\bomdat\s+|\bin verband met\s+)([^.]+)\./i;
const PROMISE = /\b(?:streef|streven|verwacht|verwachten|zal|zullen)\b/i;
const PERIOD = /\b((?:zo spoedig mogelijk|uiterlijk|binnen)\b.*?)(?:,?\s+(?:te\s+)?beantwoord\w*|[.]|$)/i;

/** The announced period, from the sentence that promises the answer ("Ik streef ernaar … binnen drie weken …"). */
function announcedPeriod(paragraphs: string[]): string | undefined {
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=\.)\s+/));
  const promise = sentences.find((s) => PROMISE.test(s) && !/niet binnen de/i.test(s));
  return promise ? PERIOD.exec(promise)?.[1]?.trim() : undefined;
}

/** A notice of delay (Mededeling uitstel antwoord): Postponement POSTPONES the question, with reason and announced period. */
function buildPostponement(doc: KamervragenDoc, koopId: string, url: string): FragmentBuilder {
  const number = questionNumberOf(doc, undefined);
  if (!number) throw new ParseError(`${url}: notice of delay that names no question (no vraagnummer)`);
  const notice = doc.body.join(' ');
  const head = header(doc, 'mededeling', /^mededeling\b/i) ?? doc.descriptions[0];
  const text = fullText(doc);
  const b = new FragmentBuilder();
  const postponement = koopRef('Postponement', koopId);
  b.node('Postponement', koopId, {
    koopId,
    questionNumber: number,
    sentAt: head?.date ?? toIsoDate(first(doc.meta, 'datumontvangst')) ?? parseDutchDate(head?.text ?? ''),
    reason: REASON.exec(notice)?.[1]?.trim(),
    announcedPeriod: announcedPeriod(doc.body),
    sentBy: parseAnswerers(head?.text ?? '').persons.map((p) => p.name),
    text,
  }, { provisional: true });
  // "De vragen van de leden A en B (beiden VVD) aan de Minister van … over … (2022Z04403) kunnen niet …":
  // up to the number, the sentence reads as a question's own header.
  const sentence = doc.body.find((p) => p.includes(`(${number})`));
  const opening = sentence?.slice(0, sentence.indexOf(`(${number})`)) ?? '';
  b.node('Question', number, { number, subject: parseSubject(opening) }, { provisional: true });
  addAskersAndAddressees(b, questionRef(number), opening, [], []);
  b.edge('POSTPONES', postponement, questionRef(number));
  addCitationEdges(b, { ref: postponement, text, government: true, self: [koopId, number] });
  return b;
}
