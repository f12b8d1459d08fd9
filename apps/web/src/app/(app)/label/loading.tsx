export default function LabelLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading your labelling queue…</p>
      <div className="skeleton" style={{ height: 28, width: 220, marginBottom: 32 }} />
      <div className="skeleton" style={{ height: 420 }} />
    </div>
  );
}
