import Link from 'next/link';
import { buildCasesHref, type CaseSearch } from '@/lib/cases/case-search';
import styles from './cases.module.css';

interface PagerProps {
  search: CaseSearch;
  shown: number;
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Previous/next over a forward-only keyset connection: the URL carries the stack of `after` cursors, so
 * "previous" pops one and "next" pushes endCursor. Shareable, server-rendered, no client state.
 */
export function Pager({ search, shown, totalCount, endCursor, hasNextPage }: PagerProps) {
  const pageIndex = search.after.length;
  const firstShown = pageIndex * search.pageSize + 1;
  const previousHref = pageIndex > 0 ? buildCasesHref(search, search.after.slice(0, -1)) : null;
  const nextHref = hasNextPage && endCursor ? buildCasesHref(search, [...search.after, endCursor]) : null;
  return (
    <nav className={styles.pager} aria-label="Pages">
      <p className="muted" data-testid="page-range">
        {shown > 0 ? `${firstShown}–${firstShown + shown - 1} of ${totalCount.toLocaleString('en-GB')}` : ''}{' '}
        · page {pageIndex + 1}
      </p>
      <div className={styles.pagerButtons}>
        {previousHref ? (
          <Link className="button" href={previousHref} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span className="button" aria-disabled="true">
            ← Previous
          </span>
        )}
        {nextHref ? (
          <Link className="button" href={nextHref} rel="next">
            Next →
          </Link>
        ) : (
          <span className="button" aria-disabled="true">
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
