import 'server-only';
import { redirect } from 'next/navigation';
import type { TypedDocumentString } from '@/gql/graphql';
import { readSessionToken } from '@/lib/auth/session-cookie';
import { isApiError, requestGraphql } from './graphql-request';

/**
 * For pages and layouts: runs a query as the signed-in user. With no session, or one the API rejects
 * (expired, signed with another secret), it sends the browser to /auth/expired, which clears the cookie.
 */
export async function queryApi<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const token = await readSessionToken();
  if (!token) redirect('/login');
  try {
    return await requestGraphql(document, variables, token);
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) redirect('/auth/expired');
    throw error;
  }
}
