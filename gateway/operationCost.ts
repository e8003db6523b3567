import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
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

/** Prices operations against one schema; the paged types are read once per schema. */
export class OperationCost {
  private readonly paged = new WeakMap<GraphQLSchema, Set<string>>();

  constructor(private readonly options: CostOptions) {}

  of(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number {
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
