import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { warmUp } from '../../src/graphql/warm-up.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createCaseFragments } from '../support/api-fixtures.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
  server = await startServer(graph(), { ...loadConfig(), port: 0 });
});

afterAll(() => server?.close());

describe('warming a server up', () => {
  it('sends the heavier query shapes once and each is answered without errors (the queries stay valid as the schema moves)', async () => {
    expect(await warmUp(server.url)).toEqual({ sent: 7, answered: 7 });
  });
});
