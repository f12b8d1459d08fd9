import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { graphql } from '@/gql';
import type { MeQuery, Role } from '@/gql/graphql';
import { queryApi } from '@/lib/api/query-api';

export type { Role };

export type CurrentUser = NonNullable<MeQuery['me']>;

const meQuery = graphql(`query Me { me { id email name role } }`);

/** The signed-in user, fetched once per request however many components ask. */
export const getCurrentUser = cache(async (): Promise<CurrentUser> => {
  const { me } = await queryApi(meQuery, {});
  if (!me) redirect('/auth/expired');
  return me;
});

/**
 * The signed-in user if their role may open this page; otherwise the page answers 403 (app/forbidden.tsx). The API
 * refuses the same fields anyway: this only spares a user a page of errors.
 */
export async function requireRole(roles: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
