import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

/** Arguments that say how many items a field returns, in the order they are looked for. */
export const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'take', 'pageSize'] as const;

export interface CostOptions {
  /** Items assumed for a list field that takes no size argument (GATEWAY_DEFAULT_LIST_SIZE). */
  defaultListSize: number;
}

function sizeOf(args: Record<string, unknown>): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  }
  return undefined;
}

function hasSizeArgument(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => (SIZE_ARGUMENTS as readonly string[]).includes(arg.name));
}

/**
 * Types that a sized field returns as one object (a connection, a result
 * page): their own list fields (`edges`, `items`) hold the page the parent
 * field already counted, so they multiply by 1, not by the default size.
 * Read from the schema, so no type name is assumed.
 */
export function pagedTypes(schema: GraphQLSchema): Set<string> {
  const paged = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (hasSizeArgument(field) && !isListType(getNullableType(field.type))) paged.add(getNamedType(field.type).name);
    }
  }
  return paged;
}

/**
 * Every selected field costs 1 plus its selection times how many items it
 * returns: the value of its size argument (`first: 100` → 100, the schema's
 * default when omitted), 1 on a paged type, the default list size for any
 * other list, 1 for a single object. Introspection costs nothing.
 */
export function listSizeEstimator(options: CostOptions, paged: Set<string>): ComplexityEstimator {
  return ({ field, type, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const size = sizeOf(args);
    let multiplier = 1;
    if (size !== undefined) multiplier = size;
    else if (isListType(getNullableType(field.type))) multiplier = paged.has(type.name) ? 1 : options.defaultListSize;
    return 1 + multiplier * childComplexity;
  };
}

/**
 * The variables an operation's cost can depend on: those given to a size
 * argument or to @include/@skip. Any other (a product id, a search text) never
 * changes what the estimator counts.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) => visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Directive(node) {
      if (node.name.value === 'include' || node.name.value === 'skip') collect(node);
    },
    Argument(node) {
      if ((SIZE_ARGUMENTS as readonly string[]).includes(node.name.value)) collect(node.value);
    },
  });
  return [...names].sort();
}

/** Costs kept per document: one per distinct value of its cost variables, a few at most (a client varying `first` must not grow it without end). */
const COSTS_PER_DOCUMENT = 32;

interface DocumentCosts {
  variables: string[];
  costs: Map<string, number>;
}

/**
 * Prices operations against one schema; the paged types are read once per
 * schema. A document's cost is computed once per operation and values of the
 * variables it can depend on, so a product page asked for every product in
 * turn is priced once (Apollo hands the same parsed document to every request
 * with the same query text).
 */
export class OperationCost {
  private readonly paged = new WeakMap<GraphQLSchema, Set<string>>();
  private readonly known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentCosts>>();

  constructor(private readonly options: CostOptions) {}

  of(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number {
    let documents = this.known.get(schema);
    if (!documents) {
      documents = new WeakMap();
      this.known.set(schema, documents);
    }
    let entry = documents.get(document);
    if (!entry) {
      entry = { variables: costVariables(document), costs: new Map() };
      documents.set(document, entry);
    }
    const key = JSON.stringify([operationName ?? null, ...entry.variables.map((name) => variables?.[name] ?? null)]);
    const kept = entry.costs.get(key);
    if (kept !== undefined) return kept;
    const cost = this.compute(schema, document, operationName, variables);
    if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
    entry.costs.set(key, cost);
    return cost;
  }

  private compute(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number {
    let paged = this.paged.get(schema);
    if (!paged) {
      paged = pagedTypes(schema);
      this.paged.set(schema, paged);
    }
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [listSizeEstimator(this.options, paged)],
      // The token and alias limits bound the document already.
      maxQueryNodes: Number.MAX_SAFE_INTEGER,
    });
  }
}
