import { beforeAll, describe, expect, it } from 'vitest';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { fixtureFragment, fixtureJson } from '../fixtures/tk/fixtures.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;

const COMPLETE = 'odata/comprehensive_motion_56e10506_20251002_192415.json.gz';
const PARTIAL = 'odata/comprehensive_motion_93c64c34_20251002_192415.json.gz';
const SHOW_OF_HANDS = 'odata/stemming_page_1.json.gz';

interface RawVote {
  Soort: string;
  ActorFractie: string;
}

const TALLY = `query($id: ID!) { node(id: $id) { ... on Decision { text tally { for against notVoted records statedFor statedAgainst complete byParty { partyName for against notVoted } } } } }`;

/** Members per party and choice, counted from the raw rows. */
function partiesOf(votes: RawVote[]) {
  const parties = new Map<string, { partyName: string; for: number; against: number; notVoted: number }>();
  const key = { Voor: 'for', Tegen: 'against', 'Niet deelgenomen': 'notVoted' } as const;
  for (const v of votes) {
    const p = parties.get(v.ActorFractie) ?? { partyName: v.ActorFractie, for: 0, against: 0, notVoted: 0 };
    p[key[v.Soort as keyof typeof key]]++;
    parties.set(v.ActorFractie, p);
  }
  return [...parties.values()].sort((a, b) => a.partyName.localeCompare(b.partyName, 'nl'));
}

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 2000 }).write([COMPLETE, PARTIAL, SHOW_OF_HANDS].map((name) => fixtureFragment(tkODataFormat, name)));
  api = createTestApi(graph(), {}, { bothEngines: true });
});

describe('a decision tallies its votes and checks them against the count its text states', () => {
  it('adds up a whole roll call (150 members) to the stated 72-74, per party as the rows give it', async () => {
    const { decision } = fixtureJson<{ decision: { Id: string; _votes: RawVote[] } }>(COMPLETE);
    const r = await api.query(TALLY, { id: decision.Id });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node.text).toBe('Verworpen. (72-74)');
    expect(r.data!.node.tally).toEqual({ for: 72, against: 74, notVoted: 4, records: 150, statedFor: 72, statedAgainst: 74, complete: true, byParty: partiesOf(decision._votes) });
  });

  it('flags a roll call of which the source gave only 100 of 150 votes as incomplete', async () => {
    const { decision } = fixtureJson<{ decision: { Id: string; _votes: RawVote[] } }>(PARTIAL);
    const r = await api.query(TALLY, { id: decision.Id });
    expect(r.data!.node.tally).toMatchObject({ for: 72, against: 24, notVoted: 4, records: 100, statedFor: 72, statedAgainst: 74, complete: false });
  });

  it('weighs a show of hands by the seats of each party and states no count to check', async () => {
    const rows = fixtureJson<{ value: { Besluit_Id: string; Soort: string; FractieGrootte: number; ActorFractie: string }[] }>(SHOW_OF_HANDS).value;
    const id = '207df65f-b334-4a60-8a1d-b5f3bd6e0a27';
    const votes = rows.filter((v) => v.Besluit_Id === id);
    expect(votes.map((v) => [v.ActorFractie, v.Soort, v.FractieGrootte])).toEqual([
      ['D66', 'Voor', 12],
      ['PVV', 'Tegen', 12],
    ]);
    const r = await api.query(TALLY, { id });
    expect(r.data!.node.tally).toEqual({
      for: 12,
      against: 12,
      notVoted: 0,
      records: 2,
      statedFor: null,
      statedAgainst: null,
      complete: null,
      byParty: [
        { partyName: 'D66', for: 12, against: 0, notVoted: 0 },
        { partyName: 'PVV', for: 0, against: 12, notVoted: 0 },
      ],
    });
  });
});
