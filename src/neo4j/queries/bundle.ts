import { ALL_PROPERTIES, askersBody, nodeByKeysMatch, otherLabels, project, relatedBody, type PropertiesOf, type RelationSpec } from './nodes.js';

/** The relations of a question that most queries ask for, fetched with the question itself. */
export const QUESTION_BUNDLE: Record<string, RelationSpec> = {
  answers: { from: 'Question', type: 'ANSWERS', direction: 'in' },
  postponements: { from: 'Question', type: 'POSTPONES', direction: 'in' },
  addressedTo: { from: 'Question', type: 'ADDRESSED_TO', direction: 'out' },
};

/**
 * Finds a question by the first of the keys its value matches and returns, in the same round
 * trip, the neighbours in `parts` (names of QUESTION_BUNDLE) and, when `askers` is set, the askers
 * with their party at the time; rows match what the DataLoaders of neighbour nodes and of askers
 * return, so they can prime them. Each node carries the properties `of` names for its label.
 * Params: $value.
 */
export function questionBundleCypher(keys: readonly string[], parts: readonly string[], askers: boolean, of: PropertiesOf = ALL_PROPERTIES): string {
  const collects = parts.map((p) => {
    const spec = QUESTION_BUNDLE[p];
    if (!spec) throw new RangeError(`not a bundle part: ${p}`);
    return `,\n  COLLECT { ${relatedBody(spec, 'n')} RETURN ${project('m', of(otherLabels(spec)))} } AS ${p}`;
  });
  const askerRows = askers ? `,\n  COLLECT { WITH n AS q ${askersBody(of)} RETURN row } AS askers` : '';
  return `${nodeByKeysMatch('Question', keys)}
RETURN ${project('n', of(['Question']))} AS node${collects.join('')}${askerRows}`;
}
