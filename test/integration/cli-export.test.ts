import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../support/graph.js';
import { ingestRuns } from '../support/ingest-runs.js';
import { runCli } from '../support/pipeline.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();
// Any ingest writes the company registry, so these two nodes are there.
const NEIGHBORHOOD = ['export', 'neighborhood', '--id', 'hikvision'];
const PATHS = ['export', 'paths', '--from', 'hikvision', '--to', 'dahua'];
let out: string;

beforeAll(async () => {
  await ingestRuns(graph(), ['test/fixtures/tk/syncfeed/zaak.xml']);
  out = tempDir('cli-export');
});

/** Runs an export and returns the files it left in `out` (a folder under it listed as folder/file). */
async function exported(args: string[]): Promise<string[]> {
  const { code, stderr } = await runCli(args, {});
  expect(code, stderr).toBe(0);
  return readdirSync(out, { recursive: true, encoding: 'utf8' }).sort();
}

describe('graafwerk export --out', () => {
  it('writes the nodes and edges files, named as the API names them, into a folder named with a final /, made when missing', async () => {
    const files = await exported([...NEIGHBORHOOD, '--format', 'csv', '--out', `${join(out, 'by-slash')}/`]);
    expect(files.filter((f) => f.startsWith('by-slash/'))).toEqual(['by-slash/neighborhood-hikvision.edges.csv', 'by-slash/neighborhood-hikvision.nodes.csv']);
    expect(readFileSync(join(out, 'by-slash/neighborhood-hikvision.nodes.csv'), 'utf8')).toContain('hikvision');
  });

  it('writes into an existing folder named without the /, the files named after the export and its ids', async () => {
    mkdirSync(join(out, 'existing'));
    await exported([...PATHS, '--format', 'csv', '--out', join(out, 'existing')]);
    await exported([...NEIGHBORHOOD, '--format', 'gexf', '--out', join(out, 'existing')]);
    expect(readdirSync(join(out, 'existing')).sort()).toEqual(['neighborhood-hikvision.gexf', 'paths-hikvision-dahua.edges.csv', 'paths-hikvision-dahua.nodes.csv']);
  });

  it('takes a path ending in .csv as the base of the two files, and any other path as it is', async () => {
    await exported([...PATHS, '--format', 'csv', '--out', join(out, 'paths.csv')]);
    await exported([...NEIGHBORHOOD, '--format', 'csv', '--out', join(out, 'around')]);
    for (const file of ['paths.nodes.csv', 'paths.edges.csv', 'around.nodes.csv', 'around.edges.csv']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(existsSync(join(out, 'paths.csv.nodes.csv'))).toBe(false);
  });

  it('says on stderr which files it wrote', async () => {
    const { stderr } = await runCli([...NEIGHBORHOOD, '--format', 'csv', '--out', join(out, 'said.csv')], {});
    expect(stderr).toMatch(new RegExp(`^exported \\d+ nodes and \\d+ edges to ${join(out, 'said.nodes.csv')} and ${join(out, 'said.edges.csv')}$`, 'm'));
  });
});
