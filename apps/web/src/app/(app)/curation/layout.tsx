import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-user';

// Checked above loading.tsx's Suspense boundary, so another role gets a 403 status, not a 200 skeleton.
export default async function CurationLayout({ children }: { children: ReactNode }) {
  await requireRole(['ADMIN', 'DATA']);
  return children;
}
