import { describe, expect, it } from 'vitest';
import { FragmentBuilder, FragmentError, ref, validateFragment, type GraphFragment } from '../../src/model/fragment.js';

const source = { id: 'abc', url: 'test://doc.json', fetchedAt: '2026-01-01T00:00:00Z', parser: 'test', parserVersion: '1' };
const withBody = (build: (b: FragmentBuilder) => void): GraphFragment => {
  const b = new FragmentBuilder();
  build(b);
  return { source, ...b.build() };
};

describe('FragmentBuilder', () => {
  it('merges a node added twice and drops null properties', () => {
    const f = withBody((b) => {
      b.node('Person', 'p1', { name: 'A', surname: null });
      b.node('Person', 'p1', { initials: 'A.' });
    });
    expect(f.nodes).toEqual([{ label: 'Person', id: 'p1', props: { name: 'A', initials: 'A.' } }]);
  });

  it('keeps a node provisional only while every record of it is', () => {
    const f = withBody((b) => {
      b.node('Motion', 'kst-1-2', {}, { provisional: true });
      b.node('Motion', 'kst-1-2', {}, { provisional: false });
    });
    expect(f.nodes[0]?.provisional).toBeUndefined();
  });
});

describe('validateFragment', () => {
  it('accepts a fragment that follows the model', () => {
    expect(() => validateFragment(withBody((b) => b.edge('ASKED', ref('Person', 'p'), ref('Question', '2022Z04510', 'number'))))).not.toThrow();
  });

  it.each([
    ['an edge between labels its kind does not allow', (b: FragmentBuilder) => b.edge('ASKED', ref('Party', 'x'), ref('Question', 'q')), /ASKED cannot connect "Party"/],
    ['a key that is not unique for the label', (b: FragmentBuilder) => b.edge('ASKED', ref('Person', 'p', 'name'), ref('Question', 'q')), /name is not a unique key of Person/],
    ['a node without id', (b: FragmentBuilder) => void b.node('Person', ' '), /Person node without an id/],
    ['a reserved property', (b: FragmentBuilder) => void b.node('Person', 'p', { sources: ['x'] }), /property name "sources"/],
    // A deleted relation row is an EdgeTombstone of the record the edge is stored for; no flag on the edge removes it.
    ['a reserved edge property', (b: FragmentBuilder) => b.edge('ASKED', ref('Person', 'p'), ref('Question', 'q'), { deleted: true }), /property name "deleted"/],
    ['an edge stored for a record of a type the writer keeps no record index for', (b: FragmentBuilder) => b.edge('MENTIONS', ref('Question', 'q'), ref('Company', 'c'), {}, '', { record: 'r1' }), /MENTIONS edges are not stored for records/],
    ['a record deletion of a type the writer keeps no record index for', (b: FragmentBuilder) => b.edgeTombstone(['SUBMITTED', 'CITES'], 'r1'), /edge tombstone of r1: CITES edges are not stored for records/],
    ['a property name that is not camelCase', (b: FragmentBuilder) => void b.node('Person', 'p', { 'a b': 1 }), /property name "a b"/],
    ['a mixed list', (b: FragmentBuilder) => void b.node('Person', 'p', { tags: ['a', 1] as unknown as string[] }), /list of strings or of numbers/],
    ['a non-finite number', (b: FragmentBuilder) => void b.node('Person', 'p', { seats: Number.NaN }), /not a finite number/],
  ])('refuses %s, naming the document', (_what, build, message) => {
    const f = withBody(build);
    expect(() => validateFragment(f)).toThrow(FragmentError);
    expect(() => validateFragment(f)).toThrow(message);
    expect(() => validateFragment(f)).toThrow(/^test:\/\/doc\.json: /);
  });
});
