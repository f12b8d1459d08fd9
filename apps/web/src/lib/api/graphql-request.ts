import 'server-only';
import { env } from '@/env';
import type { TypedDocumentString } from '@/gql/graphql';
import persistedDocuments from '@/gql/persisted-documents.json';

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

/** hash -> the operation's text, as the API's manifest has it (both read codegen's persisted-documents.json). */
const persistedText: Readonly<Record<string, string>> = persistedDocuments;

/**
 * POSTs one operation (a `graphql(...)` document from `@/gql`, typed by codegen) to the API, by its sha256 alone
 * (Apollo's APQ wire format). An API that does not know the hash answers PERSISTED_QUERY_NOT_FOUND; then the text
 * goes once with the hash (the API checks the two agree and remembers it).
 * Throws ApiError carrying the first error's extensions.code.
 * The token only ever travels in the Authorization header; it is never logged or put in an error message.
 */
export async function requestGraphql<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TData> {
  const hash: unknown = document.__meta__?.hash;
  const text = typeof hash === 'string' ? persistedText[hash] : undefined;
  let answer: { status: number; body: GraphqlResponse<TData> };
  if (text === undefined) {
    answer = await postOperation<TData>({ query: document.toString(), variables }, token);
  } else {
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    answer = await postOperation<TData>({ variables, extensions }, token);
    if (answer.body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      answer = await postOperation<TData>({ query: text, variables, extensions }, token);
    }
  }
  const { status, body } = answer;
  const firstError = body.errors?.[0];
  if (firstError) {
    throw new ApiError(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR', firstError.message);
  }
  if (!body.data)
    throw new ApiError('API_BAD_RESPONSE', `The DermINO API answered HTTP ${status} with no data.`);
  return body.data;
}

async function postOperation<TData>(
  payload: Record<string, unknown>,
  token: string | undefined,
): Promise<{ status: number; body: GraphqlResponse<TData> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${env.DERMINO_API_URL}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('API_UNREACHABLE', `The DermINO API at ${env.DERMINO_API_URL} is unreachable.`);
  }
  try {
    return { status: response.status, body: (await response.json()) as GraphqlResponse<TData> };
  } catch {
    throw new ApiError('API_BAD_RESPONSE', `The DermINO API answered HTTP ${response.status} without JSON.`);
  }
}
