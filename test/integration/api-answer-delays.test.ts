import { beforeAll, describe, expect, it } from 'vitest';
import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;

/**
 * Six questions to two offices, answered by two ministers, with the cases a league table can get wrong:
 * a minister who signed a question's first answer and its later answer (q1), a later answer by another
 * minister (q6), an answer deleted upstream (q5), an unanswered question (q4) and questions submitted
 * after an early `asOf`; q3 and q7, submitted the same day and both answered on time, tie. Due dates: submitted plus 21 days.
 */
beforeAll(async () => {
  const b = new FragmentBuilder();
  // Names, titles and the order of writing all sort against the ids, so a tie broken by anything but the id shows.
  b.node('Office', 'o-fin', { title: 'minister van Financiën' });
  b.node('Office', 'o-def', { title: 'staatssecretaris van Defensie' });
  b.node('Person', 'm-twee', { name: 'Minister Aalders' });
  b.node('Person', 'm-een', { name: 'Minister Zwart' });
  const question = (id: string, submittedAt: string, office: string) => {
    b.node('Question', id, { number: id, subject: `Vraag ${id}`, submittedAt });
    b.edge('ADDRESSED_TO', ref('Question', id), ref('Office', office), {});
  };
  const answer = (id: string, q: string, receivedAt: string, by: string, later = false) => {
    b.node('Answer', id, { koopId: id, receivedAt, later });
    b.edge('ANSWERS', ref('Answer', id), ref('Question', q), {});
    b.edge('ANSWERED_BY', ref('Answer', id), ref('Person', by), {});
  };
  question('q1', '2024-01-01', 'o-fin'); // due 2024-01-22
  answer('a1', 'q1', '2024-02-01', 'm-een'); // 10 days late
  answer('a1-later', 'q1', '2024-03-01', 'm-een', true);
  question('q2', '2024-01-01', 'o-fin');
  answer('a2', 'q2', '2024-02-21', 'm-een'); // 30 days late
  question('q3', '2024-01-31', 'o-def');
  answer('a3', 'q3', '2024-02-15', 'm-twee'); // on time
  question('q4', '2024-02-01', 'o-def'); // never answered
  question('q5', '2024-01-05', 'o-def');
  answer('a5', 'q5', '2024-01-10', 'm-twee');
  question('q6', '2024-03-01', 'o-fin'); // due 2024-03-22
  answer('a6', 'q6', '2024-03-27', 'm-een'); // 5 days late
  answer('a6-later', 'q6', '2024-05-01', 'm-twee', true);
  question('q7', '2024-01-31', 'o-fin');
  answer('a7', 'q7', '2024-02-12', 'm-een'); // on time
  const source = { id: 'src-delays', url: 'test://delays', fetchedAt: '2024-06-01T00:00:00Z', parser: 't', parserVersion: '1' };
  const deletion = new FragmentBuilder();
  deletion.tombstone('Answer', 'a5');
  const deleted = { id: 'src-delays-deleted', url: 'test://delays-deleted', fetchedAt: '2024-06-02T00:00:00Z', parser: 't', parserVersion: '1' };
  await new GraphWriter(graph(), { batchSize: 50 }).write([{ source, ...b.build() }, { source: deleted, ...deletion.build() }]);
  api = createTestApi(graph(), {}, { bothEngines: true });
});

type Row = { subject: { id: string }; questions: number; onTime: number; late: number; overdue: number; averageDaysLate: number };

async function table(args: string): Promise<Row[]> {
  const r = await api.query(`{ answerDelays(${args}) { subject { id } questions onTime late overdue averageDaysLate } }`);
  expect(r.errors).toBeUndefined();
  return r.data!.answerDelays as Row[];
}

describe('answerDelays', () => {
  it('per office: each question once, overdue ones included, averaged over the late and overdue ones', async () => {
    expect(await table('asOf: "2024-06-01"')).toEqual([
      // q4 overdue since 2024-02-22 (100 days) and q5 (its only answer deleted) since 2024-01-26 (127 days).
      { subject: { id: 'o-def' }, questions: 3, onTime: 1, late: 0, overdue: 2, averageDaysLate: 113.5 },
      { subject: { id: 'o-fin' }, questions: 4, onTime: 1, late: 3, overdue: 0, averageDaysLate: 15 },
    ]);
  });

  it('per person: the signer of the first answer only, once per question, not through later or deleted answers', async () => {
    expect(await table('by: PERSON, asOf: "2024-06-01"')).toEqual([
      { subject: { id: 'm-een' }, questions: 4, onTime: 1, late: 3, overdue: 0, averageDaysLate: 15 },
      { subject: { id: 'm-twee' }, questions: 1, onTime: 1, late: 0, overdue: 0, averageDaysLate: 0 },
    ]);
  });

  it('as of a date: questions not yet submitted then and answers not yet received then do not count', async () => {
    // On 2024-01-15 q1, q2 (Financiën) and q5 (Defensie) were submitted, none answered or overdue.
    expect(await table('asOf: "2024-01-15"')).toEqual([
      { subject: { id: 'o-fin' }, questions: 2, onTime: 0, late: 0, overdue: 0, averageDaysLate: 0 },
      { subject: { id: 'o-def' }, questions: 1, onTime: 0, late: 0, overdue: 0, averageDaysLate: 0 },
    ]);
    expect(await table('by: PERSON, asOf: "2024-01-15"')).toEqual([]);
    // On 2024-02-10: q1 answered 10 days late by m-een; q2 then 19 days overdue.
    expect(await table('by: PERSON, asOf: "2024-02-10"')).toEqual([{ subject: { id: 'm-een' }, questions: 1, onTime: 0, late: 1, overdue: 0, averageDaysLate: 10 }]);
  });

  it('keeps ties in the order of their ids', async () => {
    const day = 'from: "2024-01-31", to: "2024-01-31", asOf: "2024-06-01"';
    expect(await table(day)).toEqual([
      { subject: { id: 'o-def' }, questions: 1, onTime: 1, late: 0, overdue: 0, averageDaysLate: 0 },
      { subject: { id: 'o-fin' }, questions: 1, onTime: 1, late: 0, overdue: 0, averageDaysLate: 0 },
    ]);
    expect((await table(`by: PERSON, ${day}`)).map((r) => r.subject.id)).toEqual(['m-een', 'm-twee']);
  });
});
