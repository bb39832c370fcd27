import { addDays, assessAnswer, toDay, unansweredSubQuestions } from '../../analysis/answer-status.js';
import { today } from '../../analysis/dutch-time.js';
import { claimsNoFollowUp } from '../../analysis/follow-up.js';
import type { NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { checkDate } from '../limits.js';
import type { FieldReads } from '../projection.js';
import { nodeFields, nodeReads, related, relatedNodes, toInt } from './common.js';

type Q = NodeObject & { __asOf?: string };

const asOfOf = (q: Q, args: { asOf?: string | null }) => checkDate(args.asOf, 'asOf') ?? q.__asOf ?? today();

type Assessment = ReturnType<typeof assessAnswer>;

/** The request's assessment of a question as of a date: status, daysLate and postponed share one. */
function assessment(q: Q, args: { asOf?: string | null }, ctx: ApiContext): Promise<Assessment> {
  const asOf = asOfOf(q, args);
  return ctx.loaders.memo(`assessment:${String(q.id)}:${asOf}`, () => assess(q, asOf, ctx));
}

async function assess(q: Q, asOf: string, ctx: ApiContext): Promise<Assessment> {
  const [answers, postponements] = await Promise.all([relatedNodes(ctx, q, 'ANSWERS', 'in'), relatedNodes(ctx, q, 'POSTPONES', 'in')]);
  return assessAnswer(
    {
      submittedAt: q.submittedAt as string,
      answers: answers.map((a) => ({ receivedAt: a.receivedAt as string, later: a.later === true })),
      postponements: postponements.map((p) => ({ sentAt: p.sentAt as string })),
      withdrawnAt: (q.withdrawnAt as string) ?? null,
      closed: q.closed === true,
    },
    asOf,
  );
}

function parseNumbered(json: unknown): { number: number; text: string | null }[] {
  if (typeof json !== 'string' || json === '') return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .map((x: { number?: unknown; text?: unknown }) => ({ number: toInt(x?.number) ?? NaN, text: typeof x?.text === 'string' ? x.text : null }))
      .filter((x) => Number.isInteger(x.number));
  } catch {
    return [];
  }
}

const byDate = (a: NodeObject, b: NodeObject) => String(a.receivedAt ?? '').localeCompare(String(b.receivedAt ?? ''));
const byName = (a: NodeObject, b: NodeObject) => String(a.name ?? '').localeCompare(String(b.name ?? ''), 'nl');

/** Answers to sub-questions by number: the first answer first, later (nader) answers fill what it left open. */
async function subAnswers(q: Q, ctx: ApiContext): Promise<Map<number, string>> {
  const answers = [...(await relatedNodes(ctx, q, 'ANSWERS', 'in'))].sort((a, b) => Number(a.later === true) - Number(b.later === true) || byDate(a, b));
  const out = new Map<number, string>();
  for (const a of answers) for (const s of parseNumbered(a.answersJson)) if (s.text && !out.has(s.number)) out.set(s.number, s.text);
  return out;
}

const MOTION_KIND = /^(motion|motie)$/i;

const STATUS_READS = ['submittedAt', 'withdrawnAt', 'closed', 'Answer.receivedAt', 'Answer.later', 'Postponement.sentAt'];
const SUB_QUESTION_READS = ['subQuestionsJson', 'Answer.answersJson', 'Answer.later', 'Answer.receivedAt'];

/** The stored properties each Question resolver reads; fields without a resolver read their own property. */
export const questionReads: FieldReads = {
  ...nodeReads,
  dueAt: ['submittedAt'],
  status: STATUS_READS,
  daysLate: STATUS_READS,
  postponed: STATUS_READS,
  answeredAt: STATUS_READS,
  askedBy: [],
  addressedTo: [],
  answers: ['Answer.receivedAt'],
  answeredBy: ['Answer.receivedAt', 'Person.name'],
  postponements: [],
  subQuestions: SUB_QUESTION_READS,
  unansweredSubQuestions: SUB_QUESTION_READS,
  cites: [],
  mentions: [],
  supplements: [],
  supplementedBy: [],
  refersTo: ['Motion.stub'],
};

/** What Reference's resolvers read of the nodes they are given. */
export const referenceReads: FieldReads = { resolvedAs: ['Motion.koopId', 'Motion.stub'] };

/** Resolvers of Question: status and deadline from the pure analysis, relations through DataLoaders. */
export const Question = {
  ...nodeFields,
  dueAt: (q: Q) => {
    const day = toDay(q.submittedAt as string);
    return day ? addDays(day, 21) : null;
  },
  status: async (q: Q, args: { asOf?: string }, ctx: ApiContext) => (await assessment(q, args, ctx)).status,
  daysLate: async (q: Q, args: { asOf?: string }, ctx: ApiContext) => (await assessment(q, args, ctx)).daysLate,
  postponed: async (q: Q, args: { asOf?: string }, ctx: ApiContext) => (await assessment(q, args, ctx)).postponed,
  answeredAt: async (q: Q, _: unknown, ctx: ApiContext) => (await assessment(q, { asOf: '9999-12-31' }, ctx)).answeredAt,
  askedBy: async (q: Q, _: unknown, ctx: ApiContext) => ctx.loaders.askers.load(q.id),
  addressedTo: (q: Q, _: unknown, ctx: ApiContext) => relatedNodes(ctx, q, 'ADDRESSED_TO', 'out'),
  // Sorted copies: the loader's list is shared by every field of the request that reads it.
  answers: async (q: Q, _: unknown, ctx: ApiContext) => [...(await relatedNodes(ctx, q, 'ANSWERS', 'in'))].sort(byDate),
  answeredBy: async (q: Q, _: unknown, ctx: ApiContext) => {
    const answers = [...(await relatedNodes(ctx, q, 'ANSWERS', 'in'))].sort(byDate);
    const signed = await Promise.all(answers.map((a) => relatedNodes(ctx, a, 'ANSWERED_BY', 'out', ['Person'])));
    const people = signed.flatMap((of) => [...of].sort(byName));
    return [...new Map(people.map((p) => [p.id, p])).values()];
  },
  postponements: (q: Q, _: unknown, ctx: ApiContext) => relatedNodes(ctx, q, 'POSTPONES', 'in'),
  subQuestions: async (q: Q, _: unknown, ctx: ApiContext) => {
    const answers = await subAnswers(q, ctx);
    return parseNumbered(q.subQuestionsJson).map((s) => ({ ...s, answer: answers.get(s.number) ?? null }));
  },
  unansweredSubQuestions: async (q: Q, _: unknown, ctx: ApiContext) => {
    const answers = await subAnswers(q, ctx);
    const anyAnswer = (await relatedNodes(ctx, q, 'ANSWERS', 'in')).length > 0;
    return unansweredSubQuestions(parseNumbered(q.subQuestionsJson), [...answers].map(([number, text]) => ({ number, text })), anyAnswer);
  },
  cites: async (q: Q, _: unknown, ctx: ApiContext) =>
    (await related(ctx, q, 'CITES', 'out')).map((r) => ({ article: r.node, citation: r.rel.citation ?? null, urlAsWritten: r.rel.urlAsWritten ?? null, footnote: r.rel.footnote ?? null })),
  mentions: async (q: Q, _: unknown, ctx: ApiContext) => (await related(ctx, q, 'MENTIONS', 'out')).map((r) => ({ entity: r.node, ...r.rel })),
  supplements: (q: Q, _: unknown, ctx: ApiContext) => relatedNodes(ctx, q, 'SUPPLEMENTS', 'out'),
  supplementedBy: (q: Q, _: unknown, ctx: ApiContext) => relatedNodes(ctx, q, 'SUPPLEMENTS', 'in'),
  refersTo: async (q: Q, _: unknown, ctx: ApiContext) =>
    (await related(ctx, q, 'REFERS_TO', 'out')).map((r) => {
      const citedKind = typeof r.rel.citedKind === 'string' ? r.rel.citedKind : null;
      const claimsMotion = citedKind ? MOTION_KIND.test(citedKind) : r.node.__label === 'Motion';
      const realMotion = r.node.__label === 'Motion' && r.node.stub !== true;
      return {
        target: r.node,
        targetType: r.node.__label,
        citation: r.rel.citation ?? null,
        context: typeof r.rel.context === 'string' ? r.rel.context : null,
        citedKind,
        citationMismatch: claimsMotion && !realMotion,
        claimsNoFollowUp: claimsNoFollowUp(`${String(r.rel.citation ?? '')} ${String(r.rel.context ?? '')}`),
        rel: r.rel,
      };
    }),
};

/** Resolvers of Reference: where a stub motion's KOOP id is really held by another document, say so. */
export const Reference = {
  resolvedAs: async (r: { target: NodeObject }, _: unknown, ctx: ApiContext) => {
    const koopId = r.target.koopId;
    if (r.target.__label !== 'Motion' || r.target.stub !== true || typeof koopId !== 'string') return null;
    return ctx.loaders.byKey('Document', ['koopId']).load(koopId);
  },
};
