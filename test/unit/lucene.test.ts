import { describe, expect, it } from 'vitest';
import { foldToAscii, toLuceneQuery, toWords } from '../../src/neo4j/queries/lucene.js';
import { searchFields } from '../../src/neo4j/schema.js';

describe('Lucene queries from free text', () => {
  it('keeps only words, so no Lucene syntax reaches the index', () => {
    const q = toLuceneQuery('*:* OR name:"x" AND ~ ^ [a TO z] \\ /re/ && || ! {b} +c -d')!;
    // Operators are upper case only; every word here is lower case, and nothing else is left.
    expect(q.replace(/\b(?:AND|OR)\b/g, '').replace(/\^\d+|~\d|\*/g, '')).toMatch(/^[a-z0-9 ().'"]+$/);
    expect(q).not.toMatch(/\b(?:NOT|TO)\b|[:[\]{}\\/!&|+-]/);
    expect(toLuceneQuery('?!')).toBeNull();
    expect(toLuceneQuery("'*' \\' ''")).toBeNull();
    expect(toLuceneQuery('')).toBeNull();
    expect(toLuceneQuery('\u0000 \ud800 \udfff')).toBeNull();
  });

  it('ranks a word one typo away above words two typos away, from seven characters on', () => {
    expect(toLuceneQuery('Hikvison')).toBe('(hikvison^3 OR hikvison* OR hikvison~1^2 OR hikvison~2)');
    expect(toLuceneQuery('Dekkr')).toBe('(dekkr^3 OR dekkr* OR dekkr~1)');
  });

  it("keeps an apostrophe or a dot inside a word, as the index does (camera's and B.V. are one word each)", () => {
    expect(toWords("Chinese camera’s zo'n 's-Hertogenbosch Hikvision B.V.")).toEqual(['chinese', "camera's", "zo'n", 's', 'hertogenbosch', 'hikvision', 'b.v']);
  });

  it('folds words as the index analyzer does, so a typo in a word with diacritics costs one edit', () => {
    expect(toLuceneQuery('Yeşilgözz')).toBe('(yesilgozz^3 OR yesilgozz* OR yesilgozz~1^2 OR yesilgozz~2)');
    expect(foldToAscii('Gäbriëlz Ĳssel Straße Øresund Œuvre Łódź ﬁnale Ｄ６６ İzmir')).toBe('Gabrielz IJssel Strasse Oresund OEuvre Lodz finale D66 Izmir');
    // Scripts the folding filter leaves alone stay as they are.
    expect(foldToAscii('Ωμέγα Москва')).toBe('Ωμέγα Москва');
  });

  it('needs no word the analyzer drops, ranks all words first, the phrase next, and lets a word found nowhere go', () => {
    expect(toLuceneQuery('Follow the Money')).toBe(
      '((follow^3 OR follow* OR follow~1) AND (money^3 OR money* OR money~1))^10 OR "follow the money"^2 OR follow OR money',
    );
    // b.v is too short to count alone, so Hikvision alone is enough.
    expect(toLuceneQuery('Hikvision B.V.')).toBe('((hikvision^3 OR hikvision* OR hikvision~1^2 OR hikvision~2) AND (b.v^3 OR b.v* OR b.v~1))^10 OR "hikvision b.v"^2 OR hikvision');
    expect(toLuceneQuery('Hikvision and Dahua')).toBe('((hikvision^3 OR hikvision* OR hikvision~1^2 OR hikvision~2) AND (dahua^3 OR dahua* OR dahua~1))^10 OR "hikvision and dahua"^2 OR hikvision OR dahua');
    // Nothing but stop words: they are all there is to search.
    expect(toLuceneQuery('the')).toBe('(the^3 OR the* OR the~1)');
  });

  it('restricts every clause to the fields of the wanted types', () => {
    expect(searchFields(['Party', 'Person'])).toEqual(['abbreviation', 'name']);
    expect(searchFields(['Decision'])).toEqual([]);
    expect(toLuceneQuery('d66', ['abbreviation', 'name'])).toBe('(abbreviation:(d66^3 OR d66* OR d66~1) OR name:(d66^3 OR d66* OR d66~1))');
    expect(toLuceneQuery('Geert Wilders', ['name'])).toBe('((name:(geert^3 OR geert* OR geert~1)) AND (name:(wilders^3 OR wilders* OR wilders~1^2 OR wilders~2)))^10 OR (name:"geert wilders")^2 OR (name:geert) OR (name:wilders)');
    expect(() => toLuceneQuery('x', ['name:*'])).toThrow();
  });
});
