import { GraphQLError, Kind, type DocumentNode, type ExecutionResult, type FieldNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The field of a document a response path leads to (list indexes skipped), through fragments; null when none does. */
function fieldAt(document: DocumentNode, operationName: string | null | undefined, path: readonly (string | number)[]): FieldNode | null {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return null;
  const find = (set: SelectionSetNode, key: string, seen: Set<string>): FieldNode | null => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD && (s.alias ?? s.name).value === key) return s;
      const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value) ? fragments.get(s.name.value) : undefined;
      if (s.kind === Kind.FRAGMENT_SPREAD) seen.add(s.name.value);
      const found = inner ? find(inner, key, seen) : null;
      if (found) return found;
    }
    return null;
  };
  let set: SelectionSetNode | undefined = operation.selectionSet;
  let field: FieldNode | null = null;
  for (const key of path) {
    if (typeof key === 'number') continue;
    field = set ? find(set, key, new Set()) : null;
    if (!field) return null;
    set = field.selectionSet;
  }
  return field;
}

/**
 * Gives the errors of compiled executions their place in the document back. graphql-jit reports an
 * error's locations but not its field nodes, and yoga rebuilds each error from its nodes when it
 * writes the response, so without this an error would lose `locations` from a document's second
 * run on (when it runs compiled).
 */
export function errorLocationsPlugin(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const { errors } = result as ExecutionResult;
          if (!errors?.some((e) => !e.nodes && e.path)) return;
          const located = errors.map((e) => {
            const node = !e.nodes && e.path ? fieldAt(args.document, args.operationName, e.path) : null;
            return node ? new GraphQLError(e.message, { nodes: [node], path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions }) : e;
          });
          setResult({ ...(result as ExecutionResult), errors: located });
        },
      };
    },
  };
}
