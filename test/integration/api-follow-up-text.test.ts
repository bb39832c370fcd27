import { beforeAll, describe, expect, it } from 'vitest';
import { writeGraph } from '../../src/neo4j/driver.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

/**
 * Two adopted motions, each cited by a government letter within a year. One letter says the motion
 * got "geen vervolg" with a no-break space between the words, as text from PDFs and web pages often
 * has; the other reports on its execution.
 */
const SETUP = `
CREATE (a:Motion {id: 'fu-nbsp', number: '99001-1', status: 'adopted', submittedAt: '2020-01-01', decidedAt: '2020-01-07'})
CREATE (b:Motion {id: 'fu-done', number: '99001-2', status: 'adopted', submittedAt: '2020-01-01', decidedAt: '2020-01-07'})
CREATE (:Document {id: 'fu-letter-nbsp', date: '2020-03-01'})-[:REFERS_TO {citation: 'Aan de motie is geen\\u00a0vervolg gegeven.'}]->(a)
CREATE (:Document {id: 'fu-letter-done', date: '2020-03-01'})-[:REFERS_TO {citation: 'Over de uitvoering van de motie informeer ik u hierbij.'}]->(b)`;

beforeAll(async () => {
  await writeGraph(graph(), (tx) => tx.run(SETUP));
});

describe('follow-up read from the words of a citation', () => {
  it('treats any Unicode space between the words alike in the motions filter and in a motion’s own follow-up state', async () => {
    const api = createTestApi(graph());
    const r = await api.query(`{
      motions(filter: { unanswered: true, asOf: "2022-01-01" }) { nodes { id } }
      nbsp: motion(number: "99001-1") { followUp(asOf: "2022-01-01") { state } followUps { claimsNoFollowUp } }
      done: motion(number: "99001-2") { followUp(asOf: "2022-01-01") { state } followUps { claimsNoFollowUp } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.nbsp).toEqual({ followUp: { state: 'UNANSWERED' }, followUps: [{ claimsNoFollowUp: true }] });
    expect(r.data!.done.followUp.state).not.toBe('UNANSWERED');
    expect(r.data!.motions.nodes.map((m: { id: string }) => m.id)).toEqual(['fu-nbsp']);
  });
});
