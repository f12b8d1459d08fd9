import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { readSessionToken } from '@/lib/auth/session-cookie';
import styles from './login.module.css';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const expired = params.reason === 'expired';
  // Already signed in: go on. A stale cookie cannot loop: the API rejects it and /auth/expired deletes it.
  if (!expired && (await readSessionToken())) redirect(safeNextPath(params.next));
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            D
          </span>
          <div>
            <h1>DermINO</h1>
            <p className="muted">Dermatology image AI</p>
          </div>
        </div>
        {expired ? (
          <p className="notice" role="status" data-testid="session-notice">
            Your session has ended. Sign in again to continue.
          </p>
        ) : null}
        <LoginForm next={safeNextPath(params.next)} />
        <p className={styles.hint}>
          Demo: <span className="mono">clinician@dermino.local</span> /{' '}
          <span className="mono">dermino-demo</span>
        </p>
      </div>
    </main>
  );
}
