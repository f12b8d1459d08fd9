import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-user';

// The role check also runs here, above loading.tsx's Suspense boundary: once the skeleton streams, the status is
// 200 for good, so only a check outside it can answer 403.
export default async function DatasetsLayout({ children }: { children: ReactNode }) {
  await requireRole(['ADMIN', 'DATA']);
  return children;
}
