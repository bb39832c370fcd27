import { describe, expect, it } from 'vitest';
import { partyNamesFor } from '../../src/analysis/party-aliases.js';

describe('the names a party goes by', () => {
  it("gives all of a known party's names in lower case for any one of them, in any case", () => {
    expect(partyNamesFor('nsc')).toEqual(['nsc', 'nieuw sociaal contract']);
    expect(partyNamesFor(' Nieuw Sociaal Contract ')).toEqual(['nsc', 'nieuw sociaal contract']);
    expect(partyNamesFor('GL')).toEqual(['groenlinks', 'gl']);
  });

  it('gives an unknown name alone, in lower case', () => {
    expect(partyNamesFor('Piratenpartij')).toEqual(['piratenpartij']);
  });
});
