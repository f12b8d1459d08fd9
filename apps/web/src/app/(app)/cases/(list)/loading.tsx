import styles from './cases.module.css';

export default function CasesLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading cases…</p>
      <div className="skeleton" style={{ height: 28, width: 160, marginBottom: 32 }} />
      <div className="skeleton" style={{ height: 86 }} />
      <ul className={styles.grid} aria-hidden="true">
        {Array.from({ length: 8 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={index} className={`skeleton ${styles.skeletonCard}`} />
        ))}
      </ul>
    </div>
  );
}
