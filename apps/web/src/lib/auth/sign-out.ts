'use server';

import { redirect } from 'next/navigation';
import { graphql } from '@/gql';
import { requestGraphql } from '@/lib/api/graphql-request';
import { clearSessionCookie, readSessionToken } from './session-cookie';

const logoutMutation = graphql(`mutation Logout { logout }`);

export async function signOut(): Promise<void> {
  const token = await readSessionToken();
  if (token) {
    try {
      await requestGraphql(logoutMutation, {}, token);
    } catch {
      // The cookie is cleared regardless: signing out must work even when the API is down or the token expired.
    }
  }
  await clearSessionCookie();
  redirect('/login');
}
