import type { Metadata } from 'next';
import Link from 'next/link';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { type CaseListData, caseListQuery, filterOptionsQuery } from '@/lib/cases/case-queries';
import { buildCasesHref, hasActiveFilters, parseCaseSearch, toCaseFilter } from '@/lib/cases/case-search';
import { buildConceptOptions } from '@/lib/cases/concept-options';
import { pluralize } from '@/lib/format';
import { CaseCard } from './case-card';
import styles from './cases.module.css';
import { FilterBar } from './filter-bar';
import { Pager } from './pager';

export const metadata: Metadata = { title: 'Cases' };

// Enough cards to fill the first screen at 1280 px eagerly; the rest load lazily.
const EAGER_THUMBNAILS = 8;

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = parseCaseSearch(await searchParams);
  const variables = { filter: toCaseFilter(search), first: search.pageSize, after: search.after.at(-1) };
  const [options, list] = await Promise.all([
    queryApi(filterOptionsQuery, {}),
    queryApi(caseListQuery, variables).catch((error: unknown): { invalid: string } => {
      // A hand-edited URL (unknown concept code, stale cursor) is the user's input, not a crash: say what is wrong.
      if (isApiError(error, 'BAD_USER_INPUT')) return { invalid: error.message };
      throw error;
    }),
  ]);
  const cases: CaseListData['cases'] | null = 'invalid' in list ? null : list.cases;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Cases</h1>
          <p className="page-header__meta" data-testid="total-count">
            {cases
              ? `${pluralize(cases.totalCount, 'case')}${hasActiveFilters(search) ? ' match these filters' : ''}`
              : ''}
          </p>
        </div>
      </div>
      <FilterBar
        search={search}
        concepts={buildConceptOptions(options.concepts)}
        sites={options.caseFacets.sites}
        sources={options.caseFacets.sources}
      />
      {search.ignored.length > 0 ? (
        <p className={`notice ${styles.spaced}`} role="status">
          Ignored in the address: {search.ignored.join('; ')}.
        </p>
      ) : null}
      {!cases ? (
        <div className={`panel empty-state ${styles.spaced}`} data-testid="invalid-search">
          <h2>This address cannot be shown</h2>
          <p className="muted">{'invalid' in list ? list.invalid : ''}</p>
          <div className={styles.pagerButtons}>
            {search.after.length > 0 ? (
              <Link className="button" href={buildCasesHref(search, [])}>
                Go to the first page
              </Link>
            ) : null}
            <Link className="button" href="/cases">
              Reset filters
            </Link>
          </div>
        </div>
      ) : cases.edges.length === 0 ? (
        <div className={`panel empty-state ${styles.spaced}`} data-testid="empty-state">
          <h2>No cases match these filters</h2>
          <p className="muted">Try a broader diagnosis or remove a filter.</p>
          <Link className="button" href="/cases">
            Reset filters
          </Link>
        </div>
      ) : (
        <>
          <ul className={styles.grid} aria-label="Cases">
            {cases.edges.map((edge, index) => (
              <CaseCard key={edge.node.id} summary={edge.node} priority={index < EAGER_THUMBNAILS} />
            ))}
          </ul>
          <Pager
            search={search}
            shown={cases.edges.length}
            totalCount={cases.totalCount}
            endCursor={cases.pageInfo.endCursor}
            hasNextPage={cases.pageInfo.hasNextPage}
          />
        </>
      )}
    </>
  );
}
