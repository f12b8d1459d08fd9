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
    queryApi(caseListQuery, variables).catch((error: unknown): 'stale-cursor' => {
      // A hand-edited or outdated cursor is the user's URL, not a crash: offer the first page instead.
      if (search.after.length > 0 && isApiError(error, 'BAD_USER_INPUT')) return 'stale-cursor';
      throw error;
    }),
  ]);
  const cases: CaseListData['cases'] | null = list === 'stale-cursor' ? null : list.cases;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Cases</h1>
          <p className="page-header__meta" data-testid="total-count">
            {cases ? `${pluralize(cases.totalCount, 'case')}${hasActiveFilters(search) ? ' match these filters' : ''}` : ''}
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
        <div className={`panel empty-state ${styles.spaced}`}>
          <h2>This page link has expired</h2>
          <p className="muted">The paging position in the address is no longer valid.</p>
          <Link className="button" href={buildCasesHref(search, [])}>
            Go to the first page
          </Link>
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
