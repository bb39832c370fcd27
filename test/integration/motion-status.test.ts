import { beforeAll, describe, expect, it } from 'vitest';
import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';
import { readRows } from '../../src/neo4j/driver.js';
import { deriveMotionStatus } from '../../src/neo4j/derive-motion-status.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

interface DecisionCase {
  outcome: string;
  status?: string;
  version?: string;
  order?: number;
}

/** Motions, each with the decisions given, written as a source would; `byCaseId` names the motion only by id. */
function motions(cases: Record<string, DecisionCase[]>, deleted: string[] = [], byCaseId: string[] = []): GraphFragment {
  const b = new FragmentBuilder();
  for (const [motion, decisions] of Object.entries(cases)) {
    b.node('Motion', motion, { number: motion, title: motion });
    decisions.forEach((d, i) => {
      const id = `${motion}-decision-${i}`;
      const { version, ...props } = d;
      const decision = b.node('Decision', id, byCaseId.includes(id) ? { ...props, caseIds: [motion] } : props, version ? { version } : {});
      if (!byCaseId.includes(id)) b.edge('DECIDES', decision, ref('Motion', motion));
    });
  }
  for (const id of deleted) b.tombstone('Decision', id, '2026-06-01T00:00:00.000Z');
  return { source: { id: 'src-motion-status', url: 'test://motion-status', fetchedAt: '2026-01-01T00:00:00Z', parser: 'test', parserVersion: '1' }, ...b.build() };
}

beforeAll(async () => {
  const fragment = motions(
    {
      'ms-latest': [
        { outcome: 'held', status: 'Besluit', version: '2024-12-27T08:45:35.330Z' },
        { outcome: 'rejected', status: 'Besluit', version: '2025-10-01T12:10:23.560Z' },
        { outcome: 'adopted', status: 'Voorstel', version: '2025-11-01T00:00:00.000Z' },
        { outcome: 'submitted', status: 'Besluit', version: '2025-12-01T00:00:00.000Z' },
        { outcome: 'withdrawn', status: 'Besluit', version: '2026-01-01T00:00:00.000Z' },
      ],
      'ms-registered': [{ outcome: 'submitted', status: 'Besluit', version: '2025-01-01T00:00:00.000Z' }],
      'ms-none': [],
      // Two decisions at the same moment: the later item on the agenda wins, written first (a) or last (b).
      'ms-tie-a': [
        { outcome: 'adopted', version: '2025-01-01T00:00:00.000Z', order: 2 },
        { outcome: 'held', version: '2025-01-01T00:00:00.000Z', order: 1 },
      ],
      'ms-tie-b': [
        { outcome: 'adopted', version: '2025-01-01T00:00:00.000Z', order: 1 },
        { outcome: 'held', version: '2025-01-01T00:00:00.000Z', order: 2 },
      ],
      'ms-postponed': [
        { outcome: 'held', status: 'Besluit', version: '2025-02-01T00:00:00.000Z' },
        { outcome: 'postponed', status: 'Besluit', version: '2025-02-08T00:00:00.000Z' },
      ],
      'ms-by-case-id': [{ outcome: 'adopted', status: 'Besluit', version: '2025-03-04T10:00:00.000Z' }],
    },
    ['ms-latest-decision-4'],
    ['ms-by-case-id-decision-0'],
  );
  await new GraphWriter(graph(), { batchSize: 1000 }).write([fragment]);
  await deriveMotionStatus(graph());
});

const statusOf = async (id: string) =>
  (await readRows<{ status: string; decidedAt: string | null }>(graph(), 'MATCH (m:Motion {id: $id}) RETURN m.status AS status, m.decidedAt AS decidedAt', { id }))[0];

describe('motion status derived in the database from its decisions', () => {
  it('takes the latest binding decision, ignoring proposals, registrations and deleted decisions', async () => {
    expect(await statusOf('ms-latest')).toEqual({ status: 'rejected', decidedAt: '2025-10-01' });
  });

  it('leaves a motion pending with only a registration, or with no decision at all', async () => {
    expect(await statusOf('ms-registered')).toEqual({ status: 'pending', decidedAt: null });
    expect(await statusOf('ms-none')).toEqual({ status: 'pending', decidedAt: null });
  });

  it('breaks a tie in time by the order on the agenda, whatever order the decisions were written in', async () => {
    expect((await statusOf('ms-tie-a'))?.status).toBe('adopted');
    expect((await statusOf('ms-tie-b'))?.status).toBe('held');
  });

  it('takes a postponed vote as the status until a later decision', async () => {
    expect(await statusOf('ms-postponed')).toEqual({ status: 'postponed', decidedAt: '2025-02-08' });
  });

  it('links a decision that names its motion only by id, and counts it', async () => {
    expect(await statusOf('ms-by-case-id')).toEqual({ status: 'adopted', decidedAt: '2025-03-04' });
    const [edge] = await readRows<{ n: number }>(graph(), "MATCH (:Decision {id: 'ms-by-case-id-decision-0'})-[r:DECIDES]->(:Motion {id: 'ms-by-case-id'}) RETURN count(r) AS n");
    expect(edge?.n).toBe(1);
  });

  it('names the decision the API shows: the one the status comes from, else the latest of any kind', async () => {
    const decisionOf = async (id: string) =>
      (await readRows<{ decisionId: string | null }>(graph(), 'MATCH (m:Motion {id: $id}) RETURN m.decisionId AS decisionId', { id }))[0]?.decisionId;
    expect(await decisionOf('ms-latest')).toBe('ms-latest-decision-1');
    expect(await decisionOf('ms-registered')).toBe('ms-registered-decision-0');
    expect(await decisionOf('ms-none')).toBeNull();
    expect(await decisionOf('ms-tie-a')).toBe('ms-tie-a-decision-0');
    expect(await decisionOf('ms-tie-b')).toBe('ms-tie-b-decision-1');
  });

  it('changes nothing when run again', async () => {
    const before = await readRows(graph(), 'MATCH (m:Motion) WHERE m.id STARTS WITH "ms-" RETURN m.id AS id, m.status AS status, m.decidedAt AS decidedAt ORDER BY id');
    await deriveMotionStatus(graph());
    expect(await readRows(graph(), 'MATCH (m:Motion) WHERE m.id STARTS WITH "ms-" RETURN m.id AS id, m.status AS status, m.decidedAt AS decidedAt ORDER BY id')).toEqual(before);
  });
});
