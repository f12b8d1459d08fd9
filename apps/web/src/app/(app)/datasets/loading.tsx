export default function DatasetsLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading datasets…</p>
      <div className="skeleton" style={{ height: 28, width: 160, marginBottom: 32 }} />
      <div className="skeleton" style={{ height: 56, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 200, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 320 }} />
    </div>
  );
}
