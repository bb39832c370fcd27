import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { useGraph } from '../support/graph.js';
import { ingestRuns } from '../support/ingest-runs.js';

const { graph } = useGraph();

/** Real Persoon rows holding both Teunissens, Christine (PvdD) and Hans, with no party terms. */
const PERSONS = 'test/fixtures/news/persons/persoon-rows.json';
/** Christine Teunissen's row of PERSONS alone: a graph that knows one Teunissen before the other. */
const CHRISTINE_ALONE = 'test/fixtures/news/persons/persoon-christine-teunissen.json';
/** A roll call of 2025-10-01 in which Christine Teunissen votes for the PvdD: her only party term. */
const TERMS = 'test/fixtures/tk/odata/comprehensive_motion_93c64c34_20251002_192415.json.gz';
/** The motion of 2025-10-02 "Motie van het lid Teunissen over een nationaal energiebesparingsplan …". */
const MOTION = 'test/fixtures/tk/odata/f81f29cc-b445-468b-9e98-40a8e0c85ea4.json';
/** A Zaak page whose motions "van het lid Teunissen" date from 2024-01-18 to 2025-09-03. */
const PAGE = 'test/fixtures/tk/odata/zaak_page_19.json.gz';

const CHRISTINE = '7564c685-2691-4796-9159-ebd5df4fdc8d';
/** Zaak rows of PAGE: a motion of 2025-05-13, within a year of the term, and one of 2024-01-18, before it. */
const MOTION_2025 = '12365912-f08e-487e-94a4-6a47f351b003';
const MOTION_2024 = '5b7db41b-60ce-47e8-a11a-5ef818217d5c';

/** The MENTIONS edges to a Teunissen after ingesting each group of inputs in its own run, into an empty graph. */
async function teunissenMentions(...runs: string[][]): Promise<string[]> {
  await ingestRuns(graph(), ...runs);
  const rows = await readRows<{ edge: string }>(
    graph(),
    `MATCH (t)-[r:MENTIONS]->(p:Person {surname: 'Teunissen'}) RETURN t.id + ' ' + p.id + ' ' + r.key AS edge ORDER BY edge`,
  );
  return rows.map((r) => r.edge);
}

describe('mentions of a surname two persons share', () => {
  it('reach the person whose term arrives after the text, as when the term came first', async () => {
    const termFirst = await teunissenMentions([PERSONS], [TERMS], [MOTION]);
    expect(termFirst).toContain(`f81f29cc-b445-468b-9e98-40a8e0c85ea4 ${CHRISTINE} subject`);
    expect(await teunissenMentions([PERSONS], [MOTION], [TERMS])).toEqual(termFirst);
  });

  it('go from a text once a second person of that surname arrives with no term to tell them apart, as when both came first', async () => {
    expect(await teunissenMentions([CHRISTINE_ALONE], [MOTION])).toContain(`f81f29cc-b445-468b-9e98-40a8e0c85ea4 ${CHRISTINE} subject`);
    const bothFirst = await teunissenMentions([CHRISTINE_ALONE], [PERSONS], [MOTION]);
    expect(bothFirst).toEqual([]);
    expect(await teunissenMentions([CHRISTINE_ALONE], [MOTION], [PERSONS])).toEqual(bothFirst);
    // Her term, arriving last, decides the name again.
    expect(await teunissenMentions([CHRISTINE_ALONE], [MOTION], [PERSONS], [TERMS])).toEqual(await teunissenMentions([PERSONS, TERMS], [MOTION]));
  });

  it('are decided at each text’s own date, whether the page is read before or after the persons', async () => {
    const pageLast = await teunissenMentions([PERSONS, TERMS], [PAGE]);
    expect(pageLast).toContain(`${MOTION_2025} ${CHRISTINE} subject`);
    // 2024-01-18 lies more than a year before the only term the graph knows: the name stays undecided.
    expect(pageLast.filter((e) => e.startsWith(MOTION_2024))).toEqual([]);
    expect(await teunissenMentions([PAGE], [PERSONS, TERMS])).toEqual(pageLast);
  });
});
