import styles from './case-detail.module.css';

export default function CaseLoading() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden">Loading case…</p>
      <div className="skeleton" style={{ height: 28, width: 280, margin: '32px 0' }} />
      <div className={styles.layout}>
        <div className="skeleton" style={{ aspectRatio: '4 / 3' }} />
        <div className="skeleton" style={{ height: 320 }} />
      </div>
    </div>
  );
}
