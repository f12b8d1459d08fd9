/**
 * The loading state of one panel while the rest of the page is already shown (a Suspense fallback inside a
 * page): the same box as the panel it stands for, so nothing jumps when the data arrives.
 */
export function PanelSkeleton({ label, height = 180 }: { label: string; height?: number }) {
  return (
    <section className="panel panel__body" aria-busy="true" data-testid="panel-skeleton">
      <p className="visually-hidden">Loading {label}…</p>
      <div className="skeleton" style={{ height: 20, width: 180, marginBottom: 16 }} />
      <div className="skeleton" style={{ height }} />
    </section>
  );
}
