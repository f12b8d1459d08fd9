import 'server-only';
import { env } from '@/env';
import type { TypedDocumentString } from '@/gql/graphql';

/** Codes of our own for failures that never reached a resolver; the rest come from the API's extensions.code. */
export type ApiErrorCode = 'API_UNREACHABLE' | 'API_BAD_RESPONSE' | (string & {});

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

interface GraphqlResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * POSTs one operation (a `graphql(...)` document from `@/gql`, typed by codegen) to the API.
 * Throws ApiError carrying the first error's extensions.code.
 * The token only ever travels in the Authorization header; it is never logged or put in an error message.
 */
export async function requestGraphql<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TData> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${env.DERMINO_API_URL}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'source' in document ? document.source : document.toString(),
        variables,
      }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('API_UNREACHABLE', `The DermINO API at ${env.DERMINO_API_URL} is unreachable.`);
  }
  let body: GraphqlResponse<TData>;
  try {
    body = (await response.json()) as GraphqlResponse<TData>;
  } catch {
    throw new ApiError('API_BAD_RESPONSE', `The DermINO API answered HTTP ${response.status} without JSON.`);
  }
  const firstError = body.errors?.[0];
  if (firstError) {
    throw new ApiError(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR', firstError.message);
  }
  if (!body.data)
    throw new ApiError('API_BAD_RESPONSE', `The DermINO API answered HTTP ${response.status} with no data.`);
  return body.data;
}
