export default function PredictLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading the new-image page…</p>
      <div className="skeleton" style={{ height: 28, width: 180, marginBottom: 32 }} />
      <div className="skeleton" style={{ height: 120, marginBottom: 16 }} />
      <div className="skeleton" style={{ height: 220 }} />
    </div>
  );
}
