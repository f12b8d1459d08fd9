import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-user';
import { rolesFor } from '../nav-items';

// The role check runs above any Suspense boundary, so another role gets the 403 page with its status.
export default async function AnswerKeyLayout({ children }: { children: ReactNode }) {
  await requireRole(rolesFor('/answer-key') ?? []);
  return children;
}
