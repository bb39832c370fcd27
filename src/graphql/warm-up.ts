/** What the warm-up reads back from its first query: one question, to take the others' arguments from. */
interface Seed {
  questions?: { nodes: { id: string; number: string; addressedTo: { id: string }[]; askedBy: { party: { id: string } | null }[] }[] };
}

/**
 * The API's heavier query shapes, sent once over HTTP when a server starts: right after a start,
 * Neo4j's caches are cold and its plans not made, and the first neighbourhood a user opened took
 * up to 5 s, past the time limit (2.4 s on the test graph, 0.8 s after a warm-up). Returns how
 * many were answered without errors; a failure only means that query stays cold.
 */
export async function warmUp(url: string): Promise<{ sent: number; answered: number }> {
  let sent = 0;
  let answered = 0;
  const post = async (query: string, variables: Record<string, unknown> = {}): Promise<Seed | undefined> => {
    sent++;
    try {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: Seed; errors?: unknown };
      if (body.errors || !body.data) return undefined;
      answered++;
      return body.data;
    } catch {
      return undefined;
    }
  };
  const seed = await post('{ questions(first: 1, sort: SUBMITTED_DESC) { nodes { id number addressedTo { id } askedBy { party { id } } } } }');
  await post('{ stats { nodes { name count } edges { name count } } search(text: "camera", first: 20) { score type node { id } } }');
  const question = seed?.questions?.nodes?.[0];
  if (!question) return { sent, answered };
  await post(
    `query($n: String!) { question(number: $n) { number subject submittedAt dueAt status daysLate postponed answeredAt
       askedBy { role person { name } party { abbreviation } } addressedTo { title } answeredBy { name } answers { koopId receivedAt }
       subQuestions { number text answer } unansweredSubQuestions mentions { entity { id } } cites { article { url } } } }`,
    { n: question.number },
  );
  for (const depth of [1, 2, 3])
    await post('query($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth, limit: 100) { truncated nodes { id label type properties } edges { id type source target properties } } }', { id: question.id, depth });
  const from = question.askedBy.find((a) => a.party)?.party?.id;
  const to = question.addressedTo[0]?.id;
  if (from && to)
    await post('query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 5) { paths { length nodes { id label type } hops { type from to sources { url } } } } }', { from, to });
  return { sent, answered };
}
