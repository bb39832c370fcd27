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

const docs: Doc[] = readFileSync(new URL('./mentions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Doc);

const index = await createEvalIndex();
const same = (a: Labelled, b: Labelled) => a.kind === b.kind && a.entity === b.entity && a.start < b.end && b.start < a.end;
const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, { tp: number; fp: number; fn: number }>;
const problems: string[] = [];
const show = (d: Doc, m: Labelled) => `${d.doc} [${m.start}-${m.end}] ${m.kind} ${m.entity} "${d.text.slice(m.start, m.end)}"`;

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
  for (const f of found) {
    if (d.mentions.some((gold) => same(f, gold))) continue;
    counts[f.kind].fp++;
    problems.push(`wrong  ${show(d, f)}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
let ok = true;
console.log(`${docs.length} texts, ${docs.reduce((n, d) => n + d.mentions.length, 0)} labelled mentions\n`);
console.log('kind      labelled  found  precision  recall');
for (const k of KINDS) {
  const { tp, fp, fn } = counts[k];
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  ok &&= p >= TARGET.precision && r >= TARGET.recall;
  console.log(`${k.padEnd(9)} ${String(tp + fn).padStart(8)} ${String(tp + fp).padStart(6)} ${p.toFixed(3).padStart(10)} ${r.toFixed(3).padStart(7)}`);
}
console.log(`\ntargets: precision >= ${TARGET.precision}, recall >= ${TARGET.recall} for each kind: ${ok ? 'met' : 'NOT met'}`);
console.log(problems.length ? `\n${problems.join('\n')}` : '\nno misses, no wrong matches');
process.exitCode = ok ? 0 : 1;
