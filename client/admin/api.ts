import type { TypedDocumentString } from './gql/graphql';
import { session } from './session';

/** The header the API reads API keys from (platform/auth/apiKeys.ts). */
const API_KEY_HEADER = 'x-api-key';
const ENDPOINT = '/graphql';

export interface ApiProblem {
  message: string;
  code: string;
  /** For BAD_USER_INPUT: the argument or input field, such as `input.price`. */
  field?: string;
  reason?: string;
}

/** What the API refused, with every error it stated (code, field, reason). */
export class ApiError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }

  get code(): string {
    return this.problems[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  /** The problem about one field (`price` matches `input.price`), if any. */
  forField(field: string): ApiProblem | undefined {
    return this.problems.find((p) => p.field === field || p.field?.endsWith(`.${field}`));
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; reason?: string; maxBytes?: number } }[];
}

/**
 * Sends one typed operation to the public API with this tab's API key.
 * Any error (a GraphQL error, a 4xx/5xx JSON body, no network) becomes an
 * ApiError, so every page shows refusals the same way.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  apiKey: string | null = session.apiKey(),
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { [API_KEY_HEADER]: apiKey } : {}) },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError([{ message: 'The API could not be reached', code: 'UNREACHABLE' }]);
  }
  let body: GraphQLBody<TResult>;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    throw new ApiError([{ message: `The API answered HTTP ${response.status} without a GraphQL body`, code: 'BAD_RESPONSE' }]);
  }
  if (body.errors && body.errors.length > 0) {
    throw new ApiError(
      body.errors.map((e) => {
        const code = e.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
        return { message: e.message, code, field: e.extensions?.field, reason: e.extensions?.reason };
      }),
    );
  }
  if (!body.data) throw new ApiError([{ message: `The API answered HTTP ${response.status} without data`, code: 'BAD_RESPONSE' }]);
  return body.data;
}
