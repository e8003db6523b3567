import {
  Kind,
  OperationTypeNode,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The cart version rides along under this alias, so a payload knows which change it shows. */
export const VERSION_KEY = '_subscriptionVersion';

export interface CartQuery {
  text: string;
  variableNames: string[];
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const field = (fieldName: string, selections?: readonly SelectionNode[], alias?: string): FieldNode => ({
  kind: Kind.FIELD,
  name: name(fieldName),
  ...(alias ? { alias: name(alias) } : {}),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

// One subscription document yields the same query on every event: build it once per field node.
const built = new WeakMap<FieldNode, CartQuery>();

/**
 * The ordinary query `{ me { cart { <selection> } } }` that answers a
 * subscriber's `cart { <selection> }`, with the fragments and variables it
 * uses. Aliases are kept, so the query's result has the subscriber's shape;
 * `__typename` is added everywhere so abstract types resolve from the data.
 */
export function cartQuery(info: GraphQLResolveInfo): CartQuery {
  const first = info.fieldNodes[0] as FieldNode;
  const cached = built.get(first);
  if (cached) return cached;

  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const fragments = usedFragments(selections, info.fragments);
  const variableNames = new Set<string>();
  const collectVariables = { Variable: (node: { name: { value: string } }) => void variableNames.add(node.name.value) };
  for (const selection of selections) visit(selection, collectVariables);
  for (const fragment of fragments) visit(fragment, collectVariables);
  const variableDefinitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((definition) =>
    variableNames.has(definition.variable.name.value),
  );

  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name('CartSubscriptionPayload'),
        variableDefinitions,
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [field('me', [field('cart', [...selections, field('version', undefined, VERSION_KEY)])])],
        },
      },
      ...fragments,
    ],
  };
  const result = { text: print(withTypenames(document)), variableNames: [...variableNames] };
  built.set(first, result);
  return result;
}

function usedFragments(selections: readonly SelectionNode[], all: Record<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = all[spread.name.value];
        if (!fragment || found.has(fragment.name.value)) return;
        found.set(fragment.name.value, fragment);
        walk(fragment);
      },
    });
  for (const selection of selections) walk(selection);
  return [...found.values()];
}

function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node: SelectionSetNode): SelectionSetNode {
        const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias);
        return has ? node : { ...node, selections: [...node.selections, field('__typename')] };
      },
    },
  });
}
