import { toDay } from '../../analysis/answer-status.js';
import { today } from '../../analysis/dutch-time.js';
import { GOVERNMENT_LABELS, assessFollowUp, claimsNoFollowUp } from '../../analysis/follow-up.js';
import { tallyVotes } from '../../analysis/vote-tally.js';
import { motionReferencesCypher } from '../../neo4j/queries/motions.js';
import type { NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { LIMITS, checkDate, checkRange } from '../limits.js';
import type { FieldReads } from '../projection.js';
import { nodeFields, nodeReads, related, toInt } from './common.js';

type M = NodeObject & { __asOf?: string; __withinDays?: number };

/** A decision's date: the day of its record's version, as a motion's decidedAt is (a Besluit row carries no date). */
const decisionDate = (d: NodeObject): string | null => toDay(d.version as string | undefined);

/** A text property that may arrive as a list of paragraphs (the KOOP parser keeps each "overwegende …" apart). */
const textOf = (v: unknown): string | null => (Array.isArray(v) ? v.map(String).join('\n') : typeof v === 'string' && v !== '' ? v : null);

/** The decision derive-motion-status.ts chose for the motion (`decisionId`): the one its status comes from, else its latest. */
async function latestDecision(m: M, ctx: ApiContext): Promise<NodeObject | null> {
  return typeof m.decisionId === 'string' ? ctx.loaders.byKey('Decision', ['id']).load(m.decisionId) : null;
}

async function referringDocuments(m: M, ctx: ApiContext) {
  const rows = await ctx.loaders.rows(motionReferencesCypher).load(m.id);
  return rows.map((r) => {
    const rel = (r.rel ?? {}) as Record<string, unknown>;
    const document = r.node as NodeObject;
    return {
      document,
      date: (r.date as string | null) ?? null,
      via: String(r.via),
      claimsNoFollowUp: claimsNoFollowUp(`${String(rel.citation ?? '')} ${String(rel.context ?? '')}`),
      government: (GOVERNMENT_LABELS as readonly string[]).includes(document.__label),
    };
  });
}

const DECISION_READS = ['decisionId'];

/** The stored properties each Motion resolver reads; fields without a resolver read their own property. */
export const motionReads: FieldReads = {
  ...nodeReads,
  title: ['title', 'subject'],
  subject: ['subject'],
  dossierTitle: ['dossierTitle'],
  considerations: ['considerations'],
  operativeText: ['operativeText'],
  dossier: ['dossier'],
  ondernummer: ['ondernummer'],
  submitters: ['Person.name'],
  decision: DECISION_READS,
  votes: DECISION_READS,
  followUps: [],
  followUp: ['status', 'decidedAt', 'submittedAt'],
};

/** The stored properties each Decision resolver reads. */
export const decisionReads: FieldReads = { ...nodeReads, date: ['version'], votes: [], tally: ['text'] };

/** Resolvers of Motion: submitters, the latest decision and its votes, follow-up from the pure analysis. */
export const Motion = {
  ...nodeFields,
  title: (m: M) => textOf(m.title) ?? textOf(m.subject),
  subject: (m: M) => textOf(m.subject),
  dossierTitle: (m: M) => textOf(m.dossierTitle),
  considerations: (m: M) => textOf(m.considerations),
  operativeText: (m: M) => textOf(m.operativeText),
  dossier: (m: M) => (m.dossier === undefined || m.dossier === null ? null : String(m.dossier)),
  ondernummer: (m: M) => (m.ondernummer === undefined || m.ondernummer === null ? null : String(m.ondernummer)),
  // The Indiener first (a copy sorted: the loader's list is shared), then the others by name, as askedBy lists a question's askers.
  submitters: async (m: M, _: unknown, ctx: ApiContext) =>
    [...(await related(ctx, m, 'SUBMITTED', 'in'))]
      .sort((a, b) => Number(b.rel.role === 'Indiener') - Number(a.rel.role === 'Indiener') || String(a.node.name ?? '').localeCompare(String(b.node.name ?? '')))
      .map((r) => ({ person: r.node, role: r.rel.role ?? null })),
  decision: (m: M, _: unknown, ctx: ApiContext) => latestDecision(m, ctx),
  votes: async (m: M, _: unknown, ctx: ApiContext) => {
    const d = await latestDecision(m, ctx);
    return d ? Decision.votes(d, {}, ctx) : [];
  },
  followUps: (m: M, _: unknown, ctx: ApiContext) => referringDocuments(m, ctx),
  followUp: async (m: M, args: { withinDays?: number; asOf?: string }, ctx: ApiContext) => {
    const within = checkRange(args.withinDays ?? m.__withinDays ?? 365, 1, LIMITS.maxFollowUpDays, 'withinDays');
    const asOf = checkDate(args.asOf, 'asOf') ?? m.__asOf ?? today();
    const r = assessFollowUp({ status: m.status as string, decidedAt: m.decidedAt as string, submittedAt: m.submittedAt as string }, await referringDocuments(m, ctx), within, asOf);
    return { state: r.state, dueAt: r.dueAt, documents: r.documents, claimsNotFollowedUp: r.claims };
  },
};

/** A decision's votes (VOTED), as Vote gives them and the tally counts them. */
async function votesOf(d: NodeObject, ctx: ApiContext) {
  return (await related(ctx, d, 'VOTED', 'in')).map((r) => ({
    voter: r.node,
    voterName: (r.rel.actorName as string) ?? null,
    choice: (r.rel.choice as string) ?? null,
    rawChoice: (r.rel.rawChoice as string) ?? null,
    partyName: (r.rel.partyName as string) ?? null,
    seats: toInt(r.rel.seats),
    mistaken: r.rel.mistaken === true,
  }));
}

/** Resolvers of Decision. */
export const Decision = {
  ...nodeFields,
  date: decisionDate,
  votes: (d: NodeObject, _: unknown, ctx: ApiContext) => votesOf(d, ctx),
  tally: async (d: NodeObject, _: unknown, ctx: ApiContext) => tallyVotes((await votesOf(d, ctx)).map((v) => ({ ...v, byPerson: v.voter.__label === 'Person' })), textOf(d.text)),
};
