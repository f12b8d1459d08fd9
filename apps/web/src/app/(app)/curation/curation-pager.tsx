import Link from 'next/link';
import styles from './curation.module.css';
import { curationHref } from './curation-href';

type SearchParams = Record<string, string | string[] | undefined>;

interface CurationPagerProps {
  params: SearchParams;
  /** Cursor stack: one `after` per page after the first (as on the cases page). */
  after: readonly string[];
  pageSize: number;
  shownCases: number;
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Previous / next through the API's case connection; the grid's position lives in the URL with its filters. */
export function CurationPager({
  params,
  after,
  pageSize,
  shownCases,
  totalCount,
  endCursor,
  hasNextPage,
}: CurationPagerProps) {
  const first = after.length * pageSize + 1;
  const previous = after.length > 0 ? curationHref(params, after.slice(0, -1)) : null;
  const next = hasNextPage && endCursor ? curationHref(params, [...after, endCursor]) : null;
  return (
    <nav className={styles.pager} aria-label="Grid pages" data-testid="grid-pager">
      <p className="muted" data-testid="grid-range">
        Cases {shownCases > 0 ? `${first}–${first + shownCases - 1}` : '–'} of{' '}
        {totalCount.toLocaleString('en-GB')} · page {after.length + 1}
      </p>
      <div className={styles.pagerButtons}>
        {previous ? (
          <Link className="button" href={previous} rel="prev">
            ← Newer
          </Link>
        ) : (
          <span className="button" aria-disabled="true">
            ← Newer
          </span>
        )}
        {next ? (
          <Link className="button" href={next} rel="next">
            Older →
          </Link>
        ) : (
          <span className="button" aria-disabled="true">
            Older →
          </span>
        )}
      </div>
    </nav>
  );
}
