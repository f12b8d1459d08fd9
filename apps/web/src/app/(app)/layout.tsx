import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/lib/auth/current-user';
import { signOut } from '@/lib/auth/sign-out';
import { formatEnum } from '@/lib/format';
import { navItemsFor } from './nav-items';
import { NavLinks } from './nav-links';
import styles from './shell.module.css';

// Every page under (app) needs a signed-in user: getCurrentUser redirects to /login otherwise.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link href="/cases" className={styles.brand}>
            <span className={styles.logo} aria-hidden="true">
              D
            </span>
            DermINO
          </Link>
          <nav aria-label="Main" className={styles.nav}>
            <NavLinks items={navItemsFor(user.role)} />
          </nav>
          <div className={styles.user}>
            <span className={styles.userName} title={user.email}>
              {user.name}
            </span>
            <span className="badge badge--accent" data-testid="user-role">
              {formatEnum(user.role)}
            </span>
            <form action={signOut}>
              <button type="submit" className="button button--ghost">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
