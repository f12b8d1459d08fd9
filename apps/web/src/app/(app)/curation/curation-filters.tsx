import Form from 'next/form';
import Link from 'next/link';
import { SKIN_TYPES } from '@/lib/cases/case-search';
import type { ConceptOption } from '@/lib/cases/concept-options';
import { type CurationSearch, GRID_PAGE_SIZE } from '@/lib/curation/curation-search';
import { formatLabel, formatSkinType } from '@/lib/format';
import styles from './curation.module.css';

// A GET form like the cases page's: the URL is the state. The audited version and import run are kept.
export function CurationFilters({
  search,
  concepts,
  sites,
  sources,
}: {
  search: CurationSearch;
  concepts: ConceptOption[];
  sites: string[];
  sources: string[];
}) {
  const select = (
    id: string,
    name: keyof CurationSearch['values'],
    label: string,
    options: [string, string][],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select className="select" id={id} name={name} defaultValue={search.values[name]}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form action="/curation" className={`panel ${styles.filters}`} aria-label="Filter images">
      {select('curation-diagnosis', 'diagnosis', 'Diagnosis', [
        ['', 'Any diagnosis'],
        ...concepts.map((c): [string, string] => [c.code, `${'\u00a0\u00a0'.repeat(c.depth)}${c.name}`]),
      ])}
      {select('curation-site', 'site', 'Site', [
        ['', 'Any site'],
        ...sites.map((s): [string, string] => [s, formatLabel(s)]),
      ])}
      {select('curation-source', 'source', 'Source', [
        ['', 'Any source'],
        ...sources.map((s): [string, string] => [s, s]),
      ])}
      {select('curation-skin-type', 'skinType', 'Skin type', [
        ['', 'Any skin type'],
        ...SKIN_TYPES.map((s): [string, string] => [s, formatSkinType(s)]),
      ])}
      {select('curation-labelled', 'labelled', 'Labelled', [
        ['', 'Any'],
        ['yes', 'Yes'],
        ['no', 'No'],
      ])}
      {search.version ? <input type="hidden" name="version" value={search.version} /> : null}
      {/* A new filter starts at page 1 (no `after`), with the page size kept. */}
      {search.pageSize !== GRID_PAGE_SIZE ? (
        <input type="hidden" name="size" value={search.pageSize} />
      ) : null}
      <button type="submit" className="button button--primary">
        Apply
      </button>
      <Link className="button button--ghost" href="/curation">
        Reset
      </Link>
    </Form>
  );
}
