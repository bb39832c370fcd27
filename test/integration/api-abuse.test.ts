import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { readRows } from '../../src/neo4j/driver.js';
import { createTestApi } from '../support/api-client.js';
import { createCaseFragments, IDS, Q_ID } from '../support/api-fixtures.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
  // Every query of this suite runs interpreted and compiled, and must answer the same both ways.
  api = createTestApi(graph(), {}, { bothEngines: true });
});

const refused = async (query: string, code: string, variables: Record<string, unknown> = {}, client = api) => {
  const r = await client.query(query, variables);
  expect(r.errors?.map((e) => e.extensions?.code)).toContain(code);
  const text = JSON.stringify(r);
  expect(text).not.toMatch(/"stack"|\.ts:\d+|Neo\.ClientError|originalError/);
  return r;
};

const graphSnapshot = () => readRows(graph(), 'MATCH (n) RETURN count(n) AS nodes, COUNT { MATCH ()-[r]->() } AS edges');

describe('abuse is refused with a code and no stack trace', () => {
  it('refuses a query 50 levels deep', async () => {
    let q = 'id';
    for (let i = 0; i < 25; i++) q = `supplements { supplementedBy { ${q} } }`;
    await refused(`{ question(number: "2022Z04510") { ${q} } }`, 'DEPTH_LIMIT_EXCEEDED');
  });

  it('refuses 1,000 aliases', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { nodes { count } }`).join(' ');
    await refused(`{ ${fields} }`, 'ALIAS_LIMIT_EXCEEDED');
  });

  it('refuses an oversized page and an oversized query', async () => {
    const r = await refused('{ questions(first: 1000000) { nodes { id } } }', 'PAGE_SIZE_EXCEEDED');
    expect(r.errors?.map((e) => e.message).join(' ')).toMatch(/first must be from 1 to 100/);
    const viaVariable = await refused('query($n: Int) { questions(first: $n) { nodes { id } } }', 'PAGE_SIZE_EXCEEDED', { n: 1_000_000 });
    expect(viaVariable.errors?.[0]?.message).toMatch(/first must be from 1 to 100, got 1000000/);
    await refused(`{ ${'__typename '.repeat(20_000)} }`, 'TOKEN_LIMIT_EXCEEDED');
    await refused('{ search(text: "x", first: 500) { score } }', 'PAGE_SIZE_EXCEEDED');
    await refused(`{ neighborhood(id: "${Q_ID}", depth: 9) { truncated } }`, 'BAD_USER_INPUT');
  });

  it('counts aliases of __typename against the alias limit', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `t${i}: __typename`).join(' ');
    await refused(`{ neighborhood(id: "${Q_ID}") { nodes { ${names} } } }`, 'ALIAS_LIMIT_EXCEEDED');
  });

  it('refuses neighborhood and paths fields that together ask for more than 2,000 nodes', async () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => `n${i}: neighborhood(id: "${Q_ID}", depth: 3, limit: 500) { truncated }`).join(' ');
    const fits = await api.query(`{ ${wide(4)} }`);
    expect(fits.errors).toBeUndefined();
    const r = await refused(`{ ${wide(5)} }`, 'COST_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/neighborhood: the request's neighborhood and paths fields ask for 2500 nodes together, more than 2000/);
    await refused(`{ ${wide(4)} p: paths(from: "${IDS.D66}", to: "${IDS.JENV}", maxHops: 6, first: 20) { paths { length } } }`, 'COST_LIMIT_EXCEEDED');
  });

  it("answers variables that do not fit their types, impossible dates and malformed requests with the client's codes", async () => {
    const bad = async (query: string, variables: Record<string, unknown>, message: RegExp) => {
      const r = await refused(query, 'BAD_USER_INPUT', variables);
      expect(r.errors?.[0]?.message).toMatch(message);
    };
    // Each sent twice (interpreted, then compiled): the same code, message and locations both times.
    await bad('query($g: Int) { questions(first: $g) { totalCount } }', { g: 'abc' }, /Variable "\$g" got invalid value "abc"/);
    await bad('query($g: Int!) { questions(first: $g) { totalCount } }', {}, /Variable "\$g" of required type "Int!" was not provided/);
    await bad('query($s: QuestionFilter) { questions(filter: $s) { totalCount } }', { s: { status: ['NOPE'] } }, /Variable "\$s" got invalid value "NOPE"/);
    await bad('query($d: Date) { questions(filter: { asOf: $d }) { totalCount } }', { d: true }, /Date must be an ISO date string/);
    await bad('{ questions(filter: { asOf: "2022-02-30", status: [ANSWERED_LATE] }) { totalCount } }', {}, /filter.asOf must be an ISO date \(YYYY-MM-DD\), got "2022-02-30"/);
    await bad('{ answerDelays(asOf: "2023-06-31") { questions } }', {}, /asOf must be an ISO date/);
    await bad('{ questions(filter: { submittedFrom: "2022-01-01xyz" }) { totalCount } }', {}, /filter.submittedFrom must be an ISO date/);
    const fine = await api.query('{ questions(filter: { submittedFrom: "2022-03-01T00:00:00+01:00", submittedTo: "2022-03-31" }) { totalCount } }');
    expect(fine.errors).toBeUndefined();

    const get = await api.get(`/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent('{bad json')}`);
    expect(get.status).toBe(400);
    expect(await get.json()).toEqual({ errors: [{ message: 'the variables or extensions parameter is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    const plain = await api.app.fetch('http://api.test/graphql', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': '25' }, body: '{"query":"{ __typename }"}'.slice(0, 25) });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]).toEqual({
      message: 'send the query as application/json (got "text/plain")',
      extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
  });

  it('refuses a request body over 1 MB, and one of unknown length over real HTTP', async () => {
    const big = await api.app.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const server = await startServer(graph(), { ...loadConfig(), port: 0 });
    try {
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ __typename }' }));
      });
      expect(chunked.status).toBe(411);
      expect(chunked.body).toContain('LENGTH_REQUIRED');
      const plain = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(await plain.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await server.close();
    }
  });

  const postOverHttp = async (send: (post: (contentType: string, body: string) => Promise<{ status: number; body: unknown }>) => Promise<void>) => {
    const server = await startServer(graph(), { ...loadConfig(), port: 0 });
    try {
      await send(async (contentType, body) => {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body });
        return { status: res.status, body: await res.json() };
      });
    } finally {
      await server.close();
    }
  };

  it('takes a JSON body whatever the case of its media type, over real HTTP', async () => {
    await postOverHttp(async (post) => {
      const query = JSON.stringify({ query: '{ __typename }' });
      for (const contentType of ['APPLICATION/JSON', 'Application/Json; charset=UTF-8', 'application/json;charset=utf-8'])
        expect(await post(contentType, query), contentType).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      expect((await post('text/plain', query)).status).toBe(415);
    });
  });

  it('refuses form, multipart and bare GraphQL bodies, which a page of another site may post without a preflight, over real HTTP', async () => {
    await postOverHttp(async (post) => {
      const refused = (type: string) => ({ status: 415, body: { errors: [{ message: `send the query as application/json (got "${type}")`, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] } });
      const form = 'query=%7B%20__typename%20%7D';
      expect(await post('application/x-www-form-urlencoded', form)).toEqual(refused('application/x-www-form-urlencoded'));
      const multipart = 'multipart/form-data; boundary=b';
      expect(await post(multipart, '--b\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--b--\r\n')).toEqual(refused(multipart));
      expect(await post('application/graphql', '{ __typename }')).toEqual(refused('application/graphql'));
    });
  });

  it('refuses a POST body that is not JSON with BAD_REQUEST and nothing of the parser, over real HTTP', async () => {
    await postOverHttp(async (post) => {
      for (const body of ['{"query": "{ __typename }"', 'not json at all', ''])
        expect(await post('application/json', body), body).toEqual({ status: 400, body: { errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] } });
      expect(await post('application/json', 'null')).toEqual({ status: 400, body: { errors: [{ message: 'the request body must be a JSON object, got null', extensions: { code: 'BAD_REQUEST' } }] } });
    });
  });

  it('refuses paths longer than 6 hops', async () => {
    const r = await refused(`{ paths(from: "${IDS.D66}", to: "${IDS.JENV}", maxHops: 20) { paths { length } } }`, 'MAX_HOPS_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/maxHops must be from 1 to 6/);
  });

  it('stops a query that runs past the time limit', async () => {
    const slow = createTestApi(graph(), { queryTimeoutMs: 1 });
    await refused(`{ paths(from: "${IDS.D66}", to: "${IDS.JENV}", maxHops: 6, first: 20) { paths { length } } n: neighborhood(id: "${Q_ID}", depth: 3) { truncated } }`, 'QUERY_TIMEOUT', {}, slow);
  });

  it('takes injection attempts in every string argument literally and changes nothing', async () => {
    const before = await graphSnapshot();
    const attacks = [
      `"}) MATCH (n) DETACH DELETE n //`,
      `' OR 1=1 //`,
      `\\"; CALL db.clearQueryCaches(); //`,
      `*:* OR name:* AND NOT ~ ^ [a TO z] "unclosed \\ /regex/`,
      `2022Z04510" }) { id } mutation { x }`,
    ];
    for (const s of attacks) {
      const r = await api.query(
        `query($s: String!, $id: ID!, $d: Date) {
          question(number: $s) { id } motion(number: $s) { id } person(id: $id) { id } party(id: $id) { id } company(id: $id) { id }
          article(url: $s) { id } office(id: $id) { id } node(id: $id) { id }
          search(text: $s) { score }
          questions(filter: { party: $s, office: $s, person: $id, companies: [$id], citesArticle: $s, submittedFrom: $d }) { totalCount }
          motions(filter: { dossier: $s, party: $s, person: $id, companies: [$id] }) { totalCount }
        }`,
        { s, id: s, d: null },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data).toMatchObject({ question: null, motion: null, person: null, party: null, node: null, questions: { totalCount: 0 }, motions: { totalCount: 0 } });
      const n = await api.query('query($s: ID!) { neighborhood(id: $s) { truncated } paths(from: $s, to: $s) { paths { length } } }', { s });
      expect(n.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await graphSnapshot()).toEqual(before);
  });

  it('finds real data through the same arguments', async () => {
    const r = await api.query('{ questions(filter: { party: "D66", office: "Justitie" }) { totalCount } search(text: "Dekker") { node { id } } }');
    expect(r.data).toMatchObject({ questions: { totalCount: 1 }, search: [{ node: { id: 'p-dekker' } }] });
  });
});
