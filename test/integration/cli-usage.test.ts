import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/pipeline.js';
import { tempDir } from '../support/temp-dir.js';

// The command line as a user runs it, without a database: a Neo4j that is not there, so a command
// that got past its arguments would fail differently (and `start` would start no Neo4j of its own).
const nowhere = { NEO4J_URI: 'bolt://127.0.0.1:1' };
const cli = (args: string[]) => runCli(args, nowhere);

/** A line of each command's usage that no other usage has. */
const USAGE_OF = {
  top: 'graafwerk export neighborhood|paths',
  start: 'usage: graafwerk start',
  serve: 'usage: graafwerk serve',
  ingest: 'usage: graafwerk ingest <file|dir|url|publication-id>...',
  export: 'graafwerk export paths --from <id> --to <id>',
  review: 'graafwerk review accept <id>',
  db: 'usage: graafwerk db start|stop|status [--test]',
  test: 'usage: graafwerk test [vitest args]',
  'with-db': 'usage: graafwerk with-db <command>',
} as const;

describe.concurrent('graafwerk --help, -h and --version', () => {
  it.each([
    [['--help'], 'top'],
    [['-h'], 'top'],
    [['help'], 'top'],
    [['start', '--help'], 'start'],
    [['start', '-h'], 'start'],
    [['serve', '--help'], 'serve'],
    [['ingest', '--help'], 'ingest'],
    [['ingest', 'some-file.json', '-h'], 'ingest'],
    [['export', '--help'], 'export'],
    [['export', '-h'], 'export'],
    [['export', 'neighborhood', '--bogus', '--help'], 'export'],
    [['review', '--help'], 'review'],
    [['review', 'accept', '-h'], 'review'],
    [['db', '--help'], 'db'],
    [['db', 'status', '-h'], 'db'],
    [['test', '--help'], 'test'],
    [['with-db', '-h'], 'with-db'],
  ] as const)('%j prints the usage of %s on stdout, exits 0 and runs nothing', async (args, command) => {
    const { code, stdout, stderr } = await cli([...args]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(USAGE_OF[command]);
  });

  it.each([['test'], ['with-db']])('%s --help starts no Neo4j of tests, even where it would start one', async (command) => {
    const home = tempDir('cli-help-home');
    // No NEO4J_URI: a command that got past its arguments would start the local Neo4j of tests in `home`.
    const { code, stdout, stderr } = await runCli([command, '--help'], { NEO4J_URI: '', GRAAFWERK_TEST_BOLT_PORT: '7699', GRAAFWERK_TEST_NEO4J_HOME: home });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(USAGE_OF[command as 'test' | 'with-db']);
    expect(readdirSync(home)).toEqual([]);
  });

  it('prints the usage whatever the environment holds; the command itself then names the setting to fix', async () => {
    const help = await runCli(['export', '--help'], { ...nowhere, PORT: 'abc' });
    expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: '' });
    expect(help.stdout).toContain(USAGE_OF.export);
    const run = await runCli(['serve'], { ...nowhere, PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PORT/);
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('names in the top-level usage every kind of input ingest takes', async () => {
    expect((await cli(['--help'])).stdout).toContain('graafwerk ingest <file|dir|url|id>...');
  });

  it('gives in the db usage its --test', async () => {
    expect((await cli(['db', '--help'])).stdout).toMatch(/--test +the local Neo4j of tests/);
  });

  it('gives in the export usage the range and default of every number option, and where --out writes', async () => {
    const { stdout } = await cli(['export', '--help']);
    for (const line of [/--depth 1-3 +.*\(default 1\)/, /--limit 1-500 +.*\(default 100\)/, /--max-hops 1-6 +.*\(default 4\)/, /--first 1-20 +.*\(default 5\)/])
      expect(stdout).toMatch(line);
    expect(stdout).toContain('<path>.nodes.csv and <path>.edges.csv (a final .csv of <path> left out)');
    expect(stdout).toContain('<kind>-<ids>.<format> (neighborhood-hikvision.nodes.csv)');
  });
});

describe.concurrent('a command line that cannot be run as given', () => {
  it.each([
    [[], 'say which command to run', 'top'],
    [['bogus'], 'unknown command "bogus"', 'top'],
    [['--bogus'], 'unknown option --bogus', 'top'],
    [['start', 'now'], 'unexpected argument "now"', 'start'],
    [['start', '--port', '80'], 'unknown option --port', 'start'],
    [['serve', '--bogus'], 'unknown option --bogus', 'serve'],
    [['ingest'], 'say what to ingest: files, folders, URLs or publication ids', 'ingest'],
    [['ingest', '--bogus', 'x.json'], 'unknown option --bogus', 'ingest'],
    [['ingest', 'x.json', '--format'], '--format needs a value', 'ingest'],
    [['ingest', '--json=yes', 'x.json'], '--json takes no value', 'ingest'],
    [['ingest', '--format', 'nonsense', 'x.json'], 'unknown format "nonsense"; known formats: tk-odata, tk-syncfeed,', 'ingest'],
    [['ingest', '--max-pages', 'abc', 'https://example.org/feed'], '--max-pages must be a whole number of at least 1, got "abc"', 'ingest'],
    [['export'], 'say what to export: neighborhood or paths', 'export'],
    [['export', 'everything'], 'unknown export "everything": use neighborhood or paths', 'export'],
    [['export', '--bogus'], 'unknown option --bogus', 'export'],
    [['export', 'neighborhood', '--id'], '--id needs a value', 'export'],
    [['export', 'neighborhood', '--id', '--depth', '2'], '--id needs a value', 'export'],
    [['export', 'neighborhood', '--id', 'hikvision', 'extra', 'positional'], 'unexpected argument "extra positional"', 'export'],
    [['export', 'neighborhood', '--id', 'hikvision', '--max-hops', '3'], 'export neighborhood takes no --max-hops', 'export'],
    [['export', 'paths', '--from', 'a', '--from', 'b', '--to', 'c'], '--from is given more than once', 'export'],
    [['export', 'paths', '--from', 'a', '--to', 'b', '--max-hops', '7'], '--max-hops must be a whole number from 1 to 6, got "7"', 'export'],
    [['export', 'paths', '--from', 'a', '--to', 'b', '--first', '0'], '--first must be a whole number from 1 to 20, got "0"', 'export'],
    [['export', 'neighborhood', '--id', 'x', '--limit', '2000'], '--limit must be a whole number from 1 to 500, got "2000"', 'export'],
    [['export', 'neighborhood', '--id', 'x', '--depth', '2x'], '--depth must be a whole number from 1 to 3, got "2x"', 'export'],
    [['export', 'neighborhood', '--id', 'x', '--format', 'csv'], '--format csv writes two files, so it needs --out <path>', 'export'],
    [['export', 'neighborhood', '--id', 'x', '--format', 'xml'], 'unknown format "xml"; known formats: graphml, gexf, cytoscape.json, csv', 'export'],
    [['review'], 'say list, accept or reject', 'review'],
    [['review', 'help'], 'unknown action "help": use list, accept or reject', 'review'],
    [['review', 'list', 'all'], 'unexpected argument "all"', 'review'],
    [['review', 'accept'], 'review accept needs the id of a candidate', 'review'],
    [['db'], 'say start, stop or status', 'db'],
    [['db', 'restart'], 'unknown action "restart": use start, stop or status', 'db'],
    [['db', 'status', 'now'], 'unexpected argument "now"', 'db'],
    [['with-db'], 'say which command to run', 'with-db'],
  ] as const)('%j: "%s" on one line, then the usage of %s, on stderr; exit 1', async (args, reason, command) => {
    const { code, stdout, stderr } = await cli([...args]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    const [first, ...rest] = stderr.split('\n');
    expect(first!.startsWith(`graafwerk: ${reason}`), first).toBe(true);
    expect(rest.join('\n')).toContain(USAGE_OF[command]);
  });
});
