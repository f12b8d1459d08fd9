import Form from 'next/form';
import Link from 'next/link';
import { type CaseSearch, DEFAULT_PAGE_SIZE, SKIN_TYPES } from '@/lib/cases/case-search';
import type { ConceptOption } from '@/lib/cases/concept-options';
import { formatLabel, formatSkinType } from '@/lib/format';
import styles from './cases.module.css';

interface FilterBarProps {
  search: CaseSearch;
  concepts: ConceptOption[];
  sites: string[];
  sources: string[];
}

// A plain GET form: the URL is the state, it works without JavaScript, and submitting drops the cursor stack,
// so a changed filter always starts on page 1. One value per field from the form; the URL accepts several.
export function FilterBar({ search, concepts, sites, sources }: FilterBarProps) {
  return (
    <Form action="/cases" className={`panel ${styles.filters}`} aria-label="Filter cases">
      <div className="field">
        <label htmlFor="filter-diagnosis">Diagnosis</label>
        <select
          className="select"
          id="filter-diagnosis"
          name="diagnosis"
          defaultValue={search.diagnosis[0] ?? ''}
        >
          <option value="">Any diagnosis</option>
          {concepts.map((concept) => (
            <option key={concept.code} value={concept.code}>
              {'\u00a0\u00a0\u00a0'.repeat(concept.depth)}
              {concept.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-site">Site</label>
        <select className="select" id="filter-site" name="site" defaultValue={search.site[0] ?? ''}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {formatLabel(site)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-source">Source</label>
        <select className="select" id="filter-source" name="source" defaultValue={search.source[0] ?? ''}>
          <option value="">Any source</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-skin-type">Skin type</label>
        <select
          className="select"
          id="filter-skin-type"
          name="skinType"
          defaultValue={search.skinType[0] ?? ''}
        >
          <option value="">Any skin type</option>
          {SKIN_TYPES.map((skinType) => (
            <option key={skinType} value={skinType}>
              {formatSkinType(skinType)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-labelled">Labelled</label>
        <select className="select" id="filter-labelled" name="labelled" defaultValue={search.labelled ?? ''}>
          <option value="">Any</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </div>
      {search.pageSize !== DEFAULT_PAGE_SIZE ? (
        <input type="hidden" name="size" value={search.pageSize} />
      ) : null}
      <div className={styles.filterActions}>
        <button type="submit" className="button button--primary">
          Apply
        </button>
        <Link className="button button--ghost" href="/cases">
          Reset
        </Link>
      </div>
    </Form>
  );
}
