import { today } from '../../analysis/answer-status.js';
import { BINDING_OUTCOMES, NON_BINDING_STATUSES } from '../../analysis/motion-status.js';
import { GOVERNMENT_LABELS, assessFollowUp, claimsNoFollowUp } from '../../analysis/follow-up.js';
import { motionReferencesCypher } from '../../neo4j/queries/motions.js';
import type { NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { LIMITS, checkDate, checkRange } from '../limits.js';
import type { FieldReads } from '../projection.js';
import { nodeFields, nodeReads, related, relatedNodes, toInt } from './common.js';

type M = NodeObject & { __asOf?: string; __withinDays?: number };

/** A decision's date: as stored, else the day of its record's version (as a motion's decidedAt is). */
const decisionDate = (d: NodeObject): string | null =>
  (d.date as string | undefined) ?? (d.decidedAt as string | undefined) ?? (typeof d.version === 'string' ? d.version.slice(0, 10) : null);

const isBinding = (d: NodeObject) => (BINDING_OUTCOMES as readonly unknown[]).includes(d.outcome) && !NON_BINDING_STATUSES.includes(String(d.status ?? ''));

/** Newest first: by the record's version, then by the order on the agenda, as derive-motion-status.ts orders them. */
const newestFirst = (a: NodeObject, b: NodeObject) => String(b.version ?? '').localeCompare(String(a.version ?? '')) || Number(b.order ?? -1) - Number(a.order ?? -1);

/** A text property that may arrive as a list of paragraphs (the KOOP parser keeps each "overwegende …" apart). */
export const textOf = (v: unknown): string | null => (Array.isArray(v) ? v.map(String).join('\n') : typeof v === 'string' && v !== '' ? v : null);

/** The decision a motion's status comes from: its latest binding decision (see derive-motion-status.ts), else its latest decision of any kind. */
async function latestDecision(m: M, ctx: ApiContext): Promise<NodeObject | null> {
  const decisions = await relatedNodes(ctx, m, 'DECIDES', 'in');
  const binding = decisions.filter(isBinding);
  // Copied before sorting: the loader's list is shared by every field of the request that reads it.
  return [...(binding.length > 0 ? binding : decisions)].sort(newestFirst)[0] ?? null;
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

const DECISION_READS = ['Decision.outcome', 'Decision.status', 'Decision.version', 'Decision.order'];

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
export const decisionReads: FieldReads = { ...nodeReads, date: ['date', 'decidedAt', 'version'], votes: [] };

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

/** Resolvers of Decision. */
export const Decision = {
  ...nodeFields,
  date: decisionDate,
  votes: async (d: NodeObject, _: unknown, ctx: ApiContext) =>
    (await related(ctx, d, 'VOTED', 'in')).map((r) => ({ voter: r.node, voterName: r.rel.actorName ?? null, choice: r.rel.choice ?? null, rawChoice: r.rel.rawChoice ?? null, partyName: r.rel.partyName ?? null, seats: toInt(r.rel.seats), mistaken: r.rel.mistaken === true })),
};
