'use server';

import { redirect } from 'next/navigation';
import { graphql } from '@/gql';
import { isApiError, requestGraphql } from '@/lib/api/graphql-request';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { writeSessionCookie } from '@/lib/auth/session-cookie';

export interface SignInState {
  error?: string;
  email?: string;
}

const loginMutation = graphql(
  `mutation Login($input: LoginInput!) { login(input: $input) { token expiresAt } }`,
);

const CREDENTIAL_CODES = new Set(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'FORBIDDEN']);

function describeSignInError(error: unknown): string {
  if (isApiError(error, 'API_UNREACHABLE')) {
    return 'The DermINO API cannot be reached. Check that it is running, then try again.';
  }
  if (isApiError(error) && CREDENTIAL_CODES.has(error.code)) return 'Wrong email or password.';
  if (isApiError(error)) return `Sign-in failed (${error.code}). Try again or contact your administrator.`;
  return 'Sign-in failed unexpectedly. Try again.';
}

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email || !password) return { error: 'Enter your email and password.', email };
  let session: { token: string; expiresAt: string };
  try {
    ({ login: session } = await requestGraphql(loginMutation, { input: { email, password } }));
  } catch (error) {
    return { error: describeSignInError(error), email };
  }
  await writeSessionCookie(session.token, new Date(session.expiresAt));
  // redirect() throws, so it stays outside the try block above.
  redirect(safeNextPath(formData.get('next') as string | null));
}
