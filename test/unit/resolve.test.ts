import { describe, expect, it } from 'vitest';
import { planNodeRows, type NodeRow, type StoredMatch } from '../../src/neo4j/resolve.js';

const row = (i: number, id: string, props: NodeRow['props'], provisional = false): NodeRow & { i: number } => ({
  i,
  id,
  provisional,
  props,
  version: null,
  src: 's',
  seen: '2026-01-01',
});
const nothing = (i: number): StoredMatch => ({ i, byId: null, byIdProvisional: false, byKey: { number: null, koopId: null }, keyProvisional: { number: false, koopId: false } });

describe('planNodeRows', () => {
  it('creates a new node when nothing matches', () => {
    const plan = planNodeRows('Motion', [row(0, 'guid-1', { koopId: 'kst-1-2' })], [nothing(0)]);
    expect(plan.rows[0]).toMatchObject({ target: 'guid-1', id: 'guid-1' });
    expect(plan.sameAs).toEqual([]);
  });

  it('renames a stored provisional node to the canonical id found through an alternate key', () => {
    const stored = { ...nothing(0), byKey: { number: null, koopId: 'kst-1-2' }, keyProvisional: { number: false, koopId: true } };
    const plan = planNodeRows('Motion', [row(0, 'guid-1', { koopId: 'kst-1-2' })], [stored]);
    expect(plan.rows[0]).toMatchObject({ target: 'kst-1-2', id: 'guid-1' });
  });

  it('lets a provisional row join the canonical node and keep its id', () => {
    const stored = { ...nothing(0), byKey: { number: null, koopId: 'guid-1' }, keyProvisional: { number: false, koopId: false } };
    const plan = planNodeRows('Motion', [row(0, 'kst-1-2', { koopId: 'kst-1-2' }, true)], [stored]);
    expect(plan.rows[0]).toMatchObject({ target: 'guid-1', id: 'guid-1' });
  });

  it('sees earlier rows of the same batch', () => {
    const plan = planNodeRows('Motion', [row(0, 'kst-1-2', { koopId: 'kst-1-2' }, true), row(1, 'guid-1', { koopId: 'kst-1-2' })], [nothing(0), nothing(1)]);
    expect(plan.rows.map((r) => [r.target, r.id])).toEqual([
      ['kst-1-2', 'kst-1-2'],
      ['kst-1-2', 'guid-1'],
    ]);
  });

  it('records a SAME_AS candidate and leaves the contested key out when two canonical nodes claim it', () => {
    const stored = { ...nothing(0), byKey: { number: 'guid-other', koopId: null }, keyProvisional: { number: false, koopId: false } };
    const plan = planNodeRows('Motion', [row(0, 'guid-1', { number: '2019Z1', title: 'x' })], [stored]);
    expect(plan.rows[0]).toMatchObject({ target: 'guid-1', id: 'guid-1', props: { title: 'x' } });
    expect(plan.sameAs).toEqual([expect.objectContaining({ from: 'guid-1', to: 'guid-other', key: 'number' })]);
  });

  it('absorbs a stand-in holding the key that a canonical row states into the node stored first without it', () => {
    const stored = {
      ...nothing(0),
      byId: 'guid-1',
      byKey: { number: 'stand-in', koopId: null },
      keyProvisional: { number: true, koopId: false },
    };
    const plan = planNodeRows(
      'Motion',
      [row(0, 'guid-1', { number: '2019Z1', title: 'x' }), row(1, 'stand-in', { title: 'y' }, true)],
      [stored, { ...nothing(1), byId: 'stand-in', byIdProvisional: true }],
    );
    expect(plan.rows[0]).toMatchObject({ target: 'guid-1', id: 'guid-1', props: { number: '2019Z1', title: 'x' } });
    expect(plan.absorbed).toEqual([{ from: 'stand-in', into: 'guid-1' }]);
    expect(plan.sameAs).toEqual([]);
    // A later row of the stand-in, in the same batch, lands on the node it went into.
    expect(plan.rows[1]).toMatchObject({ target: 'guid-1', id: 'guid-1' });
  });

  it('points the SAME_AS from a stand-in holding a key that a provisional row, joined to a canonical node, also gives', () => {
    const stored = { ...nothing(0), byKey: { number: 'guid-1', koopId: 'stand-in' }, keyProvisional: { number: false, koopId: true } };
    const plan = planNodeRows('Motion', [row(0, 'kst-1-2', { number: '2019Z1', koopId: 'kst-1-2' }, true)], [stored]);
    expect(plan.rows[0]).toMatchObject({ target: 'guid-1', id: 'guid-1', props: { number: '2019Z1' } });
    expect(plan.absorbed).toEqual([]);
    expect(plan.sameAs).toEqual([expect.objectContaining({ from: 'stand-in', to: 'guid-1', key: 'koopId' })]);
  });
});
