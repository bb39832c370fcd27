/**
 * Evaluates mention extraction on the labelled set in mentions.jsonl: precision and recall per
 * kind, and every miss and every wrong match. Run with `npm run eval:mentions`.
 */
import { readFileSync } from 'node:fs';
import { extractMentions } from '../../src/analysis/mentions.js';
import { createEvalIndex } from './eval-index.js';

type Kind = 'company' | 'person' | 'party';
interface Labelled {
  kind: Kind;
  entity: string;
  start: number;
  end: number;
}
interface Doc {
  doc: string;
  text: string;
  mentions: Labelled[];
}

const KINDS: Kind[] = ['company', 'person', 'party'];
const TARGET = { precision: 0.95, recall: 0.9 };

const readDocs = (name: string): Doc[] =>
  readFileSync(new URL(name, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Doc);

type Counts = Record<Kind, { tp: number; fp: number; fn: number }>;
const index = await createEvalIndex();
const same = (a: Labelled, b: Labelled) => a.kind === b.kind && a.entity === b.entity && a.start < b.end && b.start < a.end;
const show = (d: Doc, m: Labelled) => `${d.doc} [${m.start}-${m.end}] ${m.kind} ${m.entity} "${d.text.slice(m.start, m.end)}"`;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Compares the extractor with the labels of one set; collects every miss and wrong match. */
function evaluate(docs: Doc[], problems: string[]): Counts {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Counts;
  for (const d of docs) {
    const found: Labelled[] = extractMentions(d.text, index)
      .mentions.filter((m): m is typeof m & { kind: Kind } => (KINDS as string[]).includes(m.kind))
      .map((m) => ({ kind: m.kind, entity: m.entityId, start: m.start, end: m.end }));
    for (const gold of d.mentions) {
      if (found.some((f) => same(f, gold))) counts[gold.kind].tp++;
      else {
        counts[gold.kind].fn++;
        problems.push(`miss   ${show(d, gold)}`);
      }
    }
    for (const f of found.filter((f) => !d.mentions.some((gold) => same(f, gold)))) {
      counts[f.kind].fp++;
      problems.push(`wrong  ${show(d, f)}`);
    }
  }
  return counts;
}

function printTable(title: string, docs: Doc[], counts: Counts): boolean {
  let ok = true;
  console.log(`\n${title}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.mentions.length, 0)} labelled mentions`);
  console.log('kind      labelled  found  precision  recall');
  for (const k of KINDS) {
    const { tp, fp, fn } = counts[k];
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    ok &&= p >= TARGET.precision && r >= TARGET.recall;
    console.log(`${k.padEnd(9)} ${String(tp + fn).padStart(8)} ${String(tp + fp).padStart(6)} ${p.toFixed(3).padStart(10)} ${r.toFixed(3).padStart(7)}`);
  }
  return ok;
}

const sets = [
  { title: 'main set (mentions.jsonl)', docs: readDocs('./mentions.jsonl') },
  { title: 'held-out set (mentions-heldout.jsonl, labelled before the extractor ran on it)', docs: readDocs('./mentions-heldout.jsonl') },
];
const problems: string[] = [];
const all = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Counts;
for (const set of sets) {
  const counts = evaluate(set.docs, problems);
  printTable(set.title, set.docs, counts);
  for (const k of KINDS) for (const f of ['tp', 'fp', 'fn'] as const) all[k][f] += counts[k][f];
}
const ok = printTable('all', sets.flatMap((s) => s.docs), all);
console.log(`\ntargets: precision >= ${TARGET.precision}, recall >= ${TARGET.recall} for each kind: ${ok ? 'met' : 'NOT met'}`);
console.log(problems.length ? `\n${problems.join('\n')}` : '\nno misses, no wrong matches');
process.exitCode = ok ? 0 : 1;
