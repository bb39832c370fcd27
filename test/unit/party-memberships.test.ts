import { describe, expect, it } from 'vitest';
import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { addObservedMemberships, findParty } from '../../ingest/resolve/party-memberships.js';

const parties = [
  { id: 'f-d66', abbreviation: 'D66', name: 'Democraten 66' },
  { id: 'f-vvd', abbreviation: 'VVD', name: 'Volkspartij voor Vrijheid en Democratie' },
  { id: 'f-gl-a', abbreviation: 'GL' },
  { id: 'f-gl-b', abbreviation: 'GL' },
];

describe('findParty', () => {
  it('finds a party by abbreviation or name, whatever the case', () => {
    expect(findParty('d66', parties)?.id).toBe('f-d66');
    expect(findParty(' Democraten 66 ', parties)?.id).toBe('f-d66');
  });

  it('finds nothing when the name is unknown or stands for two parties', () => {
    expect(findParty('BBB', parties)).toBeUndefined();
    expect(findParty('GL', parties)).toBeUndefined();
  });
});

describe('addObservedMemberships', () => {
  it('connects the askers of a question to the party the question names, at its date', () => {
    const b = new FragmentBuilder();
    const q = b.node('Question', '2022Z04510', { number: '2022Z04510', submittedAt: '2022-03-10' }, { provisional: true });
    b.edge('ASKED', b.node('Person', 'name:dekker-abdulaziz', { name: 'Dekker-Abdulaziz' }, { provisional: true }), q, { role: 'Indiener', partyName: 'D66' });
    b.edge('ASKED', ref('Person', 'name:nobody'), q, { role: 'Medeindiener', partyName: 'Onbekend' });
    const out = addObservedMemberships(b.build(), parties, '2022-03-10');
    const memberships = out.edges.filter((e) => e.type === 'MEMBER_OF');
    expect(memberships).toEqual([
      { type: 'MEMBER_OF', from: ref('Person', 'name:dekker-abdulaziz'), to: ref('Party', 'f-d66'), key: 'observed:2022-03-10', props: { partyName: 'D66', observedAt: '2022-03-10' } },
    ]);
  });

  it('leaves a fragment without parties as it was', () => {
    const body = new FragmentBuilder().build();
    expect(addObservedMemberships(body, parties, undefined)).toBe(body);
  });
});
