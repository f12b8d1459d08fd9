import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-user';
import { rolesFor } from '../nav-items';

// The role check runs here, above loading.tsx's Suspense boundary: once the skeleton streams the status is sent,
// so a check only in the page would answer 200 with the 403 page.
export default async function OverviewLayout({ children }: { children: ReactNode }) {
  await requireRole(rolesFor('/overview') ?? []);
  return children;
}
