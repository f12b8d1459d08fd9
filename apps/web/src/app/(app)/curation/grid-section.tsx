import Link from 'next/link';
import type { CurationGridQuery } from '@/gql/graphql';
import type { CurationSearch } from '@/lib/curation/curation-search';
import { CurationGrid, type GridImage } from './curation-grid';
import { curationHref } from './curation-href';
import { CurationPager } from './curation-pager';

type SearchParams = Record<string, string | string[] | undefined>;

/** The grid's page (or why there is none) with previous / next through the case connection. */
export function GridSection({
  grid,
  images,
  search,
  params,
  concepts,
}: {
  grid: CurationGridQuery | { invalid: string };
  images: GridImage[];
  search: CurationSearch;
  params: SearchParams;
  concepts: { code: string; name: string }[];
}) {
  if ('invalid' in grid) {
    // A cursor or concept code the API rejects (an old bookmark, a hand-edited URL): say so, offer page 1.
    return (
      <div className="panel empty-state" data-testid="grid-invalid">
        <h3>This address cannot be shown</h3>
        <p className="muted">{grid.invalid}</p>
        <Link className="button" href={curationHref(params, [])}>
          First page
        </Link>
      </div>
    );
  }
  const { totalCount, pageInfo, edges } = grid.cases;
  const pager =
    totalCount > search.pageSize || search.after.length > 0 ? (
      <CurationPager
        params={params}
        after={search.after}
        pageSize={search.pageSize}
        shownCases={edges.length}
        totalCount={totalCount}
        endCursor={pageInfo.endCursor}
        hasNextPage={pageInfo.hasNextPage}
      />
    ) : null;
  if (images.length === 0) {
    const filtered = Object.keys(search.filter).length > 0;
    return (
      <>
        <div className="panel empty-state" data-testid="grid-empty">
          {totalCount === 0 && !filtered ? (
            <>
              <h3>No images yet</h3>
              <p className="muted">
                Import a dataset (<span className="mono">dermino import</span>) or add cases; they appear here
                to be curated.
              </p>
            </>
          ) : (
            <h3>No images match these filters</h3>
          )}
        </div>
        {pager}
      </>
    );
  }
  return (
    <>
      {pager}
      <CurationGrid concepts={concepts} images={images} />
    </>
  );
}
