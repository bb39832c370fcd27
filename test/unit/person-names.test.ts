import { describe, expect, it } from 'vitest';
import { parseDutchName, parseDutchNames, parseInitials, personNameOf, scoreWrittenName } from '../../src/analysis/person-names.js';

const hind = { id: 'h', initials: 'H.', firstName: 'Hind', surname: 'Dekker-Abdulaziz' };
const ralf = { id: 'r', initials: 'R.J.', firstName: 'Ralf', givenNames: 'Roelof Jan', surname: 'Dekker' };
const roon = { id: 'dr', initials: 'R.', firstName: 'Raymond', surname: 'de Roon' };

describe('Dutch name parsing', () => {
  it('reads initials, first names, particles, double surnames and the reversed vote-record form', () => {
    expect(parseDutchName('H. Dekker-Abdulaziz')).toEqual({ initials: ['H'], surname: 'Dekker-Abdulaziz' });
    expect(parseDutchName('Hind Dekker-Abdulaziz')).toEqual({ initials: ['H'], firstName: 'Hind', surname: 'Dekker-Abdulaziz' });
    expect(parseDutchName('Dekker-Abdulaziz, H.')).toEqual({ initials: ['H'], surname: 'Dekker-Abdulaziz' });
    expect(parseDutchName('Roon de, R.')).toEqual({ initials: ['R'], prefix: 'de', surname: 'Roon' });
    expect(parseDutchName('D.A. Ergin')).toEqual({ initials: ['D', 'A'], surname: 'Ergin' });
    expect(parseDutchName('mr. C.A.M. van der Plas')).toEqual({ initials: ['C', 'A', 'M'], prefix: 'van der', surname: 'Plas' });
    expect(parseDutchName('Van Dijk')).toEqual({ initials: [], prefix: 'van', surname: 'Dijk' });
    expect(parseDutchName('Faber-van de Klashorst')).toEqual({ initials: [], surname: 'Faber-van de Klashorst' });
  });

  it('reads the first name the metadata puts in brackets, and a signature closing with a full stop', () => {
    // OVERHEIDop.indiener of kst-36800-IX-6 and kst-36582-58; <al>Boswijk.</al> closes the signatures of kst-36410-VI-45.
    expect(parseDutchName('A.P.C. (Tony) van Dijck')).toEqual({ initials: ['A', 'P', 'C'], firstName: 'Tony', prefix: 'van', surname: 'Dijck' });
    expect(parseDutchName('I. (Inge) van Dijk')).toEqual({ initials: ['I'], firstName: 'Inge', prefix: 'van', surname: 'Dijk' });
    expect(parseDutchName('Boswijk.')).toEqual({ initials: [], surname: 'Boswijk' });
    expect(parseDutchName('Kostić.')).toEqual({ initials: [], surname: 'Kostić' });
    expect(parseDutchName('Dekker-Abdulaziz, H.')).toEqual({ initials: ['H'], surname: 'Dekker-Abdulaziz' });
  });

  it('keeps a two-word surname as a second reading', () => {
    expect(parseDutchNames('Bruins Slot').map((n) => n.surname)).toEqual(['Slot', 'Bruins Slot']);
  });

  it('splits initials as the open data writes them', () => {
    expect(parseInitials('M.E.E.')).toEqual(['M', 'E', 'E']);
    expect(parseInitials('JA')).toEqual(['J', 'A']);
    expect(parseInitials('M.G.F')).toEqual(['M', 'G', 'F']);
    expect(parseInitials('Th.')).toEqual(['Th']);
    expect(parseInitials(undefined)).toEqual([]);
  });

  it('splits a surname that carries its particles', () => {
    expect(personNameOf({ id: 'x', surname: 'van Ginneken', initials: 'L.' })).toEqual({ initials: ['L'], prefix: 'van', surname: 'Ginneken' });
  });
});

describe('name scoring', () => {
  it('scores every form of one MP high and another person with a shorter surname at zero', () => {
    for (const form of ['H. Dekker-Abdulaziz', 'Hind Dekker-Abdulaziz', 'Dekker-Abdulaziz', 'Dekker-Abdulaziz, H.']) {
      expect(scoreWrittenName(form, hind)).toBeGreaterThanOrEqual(0.7);
      expect(scoreWrittenName(form, ralf)).toBe(0);
    }
  });

  it('lets initials and first names contradict a surname match', () => {
    expect(scoreWrittenName('R.J. Dekker', ralf)).toBe(0.95);
    expect(scoreWrittenName('Roelof Dekker', ralf)).toBe(0.95);
    expect(scoreWrittenName('H. Dekker', ralf)).toBeLessThan(0.2);
    expect(scoreWrittenName('Dekker', ralf)).toBeGreaterThan(scoreWrittenName('Dekker', hind));
  });

  it('scores the bracketed and full-stop forms of the KOOP metadata and signatures as the persons they name', () => {
    const tony = { id: 't', initials: 'A.P.C.', firstName: 'Tony', surname: 'Dijck', prefix: 'van' };
    const inge = { id: 'i', initials: 'I.', firstName: 'Inge', surname: 'Dijk', prefix: 'van' };
    const boswijk = { id: 'b', initials: 'D.G.', firstName: 'Derk', surname: 'Boswijk' };
    expect(scoreWrittenName('A.P.C. (Tony) van Dijck', tony)).toBe(0.95);
    expect(scoreWrittenName('I. (Inge) van Dijk', inge)).toBe(0.95);
    expect(scoreWrittenName('I. (Inge) van Dijk', tony)).toBe(0);
    expect(scoreWrittenName('A.P.C. (Tony) van Dijck', { ...tony, firstName: undefined })).toBe(0.95);
    expect(scoreWrittenName('A.P.C. (Tony) van Dijck', { ...tony, firstName: 'Anton' })).toBeLessThan(0.2);
    expect(scoreWrittenName('Boswijk.', boswijk)).toBe(scoreWrittenName('Boswijk', boswijk));
    expect(scoreWrittenName('Boswijk', boswijk)).toBeGreaterThan(0);
  });

  it('matches particles whatever their case and order', () => {
    expect(scoreWrittenName('Roon de, R.', roon)).toBe(0.95);
    expect(scoreWrittenName('De Roon', roon)).toBe(0.7);
    expect(scoreWrittenName('Roon', roon)).toBeLessThan(0.5);
  });
});
