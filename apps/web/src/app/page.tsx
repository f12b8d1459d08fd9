import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';

// Managers start on the overview (is the champion good, has the data drifted); everyone else on the cases list.
export default async function HomePage() {
  const user = await getCurrentUser();
  redirect(user.role === 'MANAGER' || user.role === 'ADMIN' ? '/overview' : '/cases');
}
