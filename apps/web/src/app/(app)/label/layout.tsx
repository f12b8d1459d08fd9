import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-user';
import { LABELLERS } from '@/lib/labelling/queue-request';

// Checked above loading.tsx's Suspense boundary, so a manager gets a 403 status and the forbidden page, not a
// 200 skeleton (the API refuses the queue and every answer for that role anyway).
export default async function LabelLayout({ children }: { children: ReactNode }) {
  await requireRole(LABELLERS);
  return children;
}
