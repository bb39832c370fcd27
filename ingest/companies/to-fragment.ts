import { FragmentBuilder, ref, type FragmentBody } from '../../src/model/fragment.js';
import type { CompanyNames } from '../../src/analysis/mention-forms.js';
import type { CompanyEntry, CompanyRegistry } from './schema.js';

const aliasText = (a: CompanyEntry['aliases'][number]): string => (typeof a === 'string' ? a : a.text);

/** The names of a registry entry, in the shape the mention index takes. */
export function toCompanyNames(c: CompanyEntry): CompanyNames {
  return {
    id: c.id,
    name: c.name,
    aliases: c.aliases.map((a) => (typeof a === 'string' ? { text: a } : { text: a.text, caseSensitive: a.caseSensitive, unlessText: a.unlessText })),
    legalNames: c.legalNames.map((l) => l.name),
  };
}

/** Every sourced fact of an entry as readable lines: "country: CN (https://…, 2026-11-28)". */
function factLines(c: CompanyEntry, listName: (id: string) => string): string[] {
  const at = (source: string, date: string) => `(${source}, ${date})`;
  const lines: string[] = [];
  for (const key of ['country', 'website', 'wikidata', 'lei'] as const) {
    const f = c[key];
    if (f) lines.push(`${key}: ${f.value} ${at(f.source, f.date)}`);
  }
  for (const l of c.legalNames) lines.push(`legal name: ${l.name} ${at(l.source, l.date)}`);
  for (const r of c.registryIds) lines.push(`${r.registry}: ${r.value} ${at(r.source, r.date)}`);
  for (const l of c.lists) lines.push(`listed: ${listName(l.list)}${l.since ? ` since ${l.since}` : ''}${l.until ? ` until ${l.until}` : ''} ${at(l.source, l.date)}`);
  return lines;
}

/** The registry as Company nodes (names, aliases, sourced facts, lists, notes) and OWNS edges. */
export function registryToFragment(registry: CompanyRegistry): FragmentBody {
  const b = new FragmentBuilder();
  const listName = (id: string) => registry.lists[id]?.name ?? id;
  for (const c of registry.companies) {
    const sources = [c.country, c.website, c.wikidata, c.lei, ...c.legalNames, ...c.registryIds, ...c.lists, ...c.notes, ...c.owners]
      .filter((f): f is NonNullable<typeof f> => f !== undefined)
      .map((f) => f.source);
    b.node('Company', c.id, {
      name: c.name,
      aliases: [...new Set(c.aliases.map(aliasText))],
      legalNames: c.legalNames.map((l) => l.name),
      country: c.country?.value,
      website: c.website?.value,
      wikidata: c.wikidata?.value,
      lei: c.lei?.value,
      lists: [...new Set(c.lists.map((l) => l.list))],
      listDetails: c.lists.map((l) => `${listName(l.list)}${l.since ? ` since ${l.since}` : ''} (${l.source}, ${l.date})`),
      notes: c.notes.map((n) => `${n.text} (${n.source}, ${n.date})`),
      facts: factLines(c, listName),
      factSources: [...new Set(sources)],
    });
    for (const o of c.owners) {
      b.edge('OWNS', ref('Company', o.owner), ref('Company', c.id), { share: o.share, note: o.note, source: o.source, date: o.date });
    }
  }
  return b.build();
}
